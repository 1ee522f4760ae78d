package io.datapipelines.runtime.python;

import static io.datapipelines.runtime.python.Refs.map;
import static io.datapipelines.runtime.python.Refs.record;
import static io.datapipelines.runtime.python.Refs.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.datapipelines.model.PythonEngineKind;
import io.datapipelines.model.PythonSettings;
import io.datapipelines.runtime.step.PipelineRecord;
import io.datapipelines.runtime.step.RecordError;

/**
 * What every {@link PythonEngine} must do alike (code valid in Python 2 and 3): the rest of the runtime
 * relies on it without knowing which engine runs. One task per engine serves the class.
 */
class PythonEnginesContractTest {
    private static final Map<PythonEngineKind, PythonTask> TASKS = new EnumMap<>(PythonEngineKind.class);

    private static PythonTask python(PythonEngineKind kind) {
        return TASKS.computeIfAbsent(kind, k -> PythonEngines.newTask(new PythonSettings(k, Duration.ofSeconds(30))));
    }

    @AfterAll
    static void close() {
        TASKS.values().forEach(PythonTask::close);
    }

    private static String body(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void fieldFunctionsSeeTheValueAndTheRowInOrder(PythonEngineKind kind) {
        Map<String, Object> row = map("b", 2L, "a", "x", "n", map("k", java.util.Arrays.asList(1L, 2.5, true, null)));
        assertThat(python(kind).fieldTransform(ref(body("def transform(value, row):",
                "    return [k for k in row] + [value * 2, row['n']['k']]"))).apply(21L, row))
                .isEqualTo(List.of("b", "a", "n", 42L, java.util.Arrays.asList(1L, 2.5, true, null)));
        assertThat(python(kind).fieldFilter(ref(body("def filter(value, row):", "    return value and len(row)"))).test("x", row)).isTrue();
        assertThat(python(kind).fieldFilter(ref(body("def filter(value, row):", "    return value"))).test("", row)).isFalse();
        BigInteger big = BigInteger.TEN.pow(30);
        assertThat(python(kind).fieldTransform(ref(body("def transform(value, row):", "    return value + 1"))).apply(big, null))
                .isEqualTo(big.add(BigInteger.ONE));
        assertThat(python(kind).fieldTransform(Refs.noCode()).apply("same", row)).isEqualTo("same");
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void aRowReadByConstantKeysAnswersAsTheWholeRow(PythonEngineKind kind) {
        // GraalPy builds such a row with those keys only; what the function sees must not change
        Map<String, Object> row = map("b", 2L, "a", "x", "n", map("k", 1L));
        assertThat(python(kind).fieldTransform(ref(body("def transform(value, row):",
                "    row['c'] = row['b'] * value",
                "    return [row['a'], row['c'], row.get('n'), row.get('zz'), row.get('zz', 0), 'a' in row, 'zz' in row]"))).apply(3L, row))
                .isEqualTo(java.util.Arrays.asList("x", 6L, map("k", 1L), null, 0L, true, false));
        assertThatThrownBy(() -> python(kind).fieldTransform(ref(body("def transform(value, row):", "    return row['zz']"))).apply(1L, row))
                .isInstanceOfSatisfying(RecordError.class, e -> {
                    assertThat(e.errorClass()).isEqualTo("KeyError");
                    assertThat(e).hasMessage("'zz' (at pipeline.yaml:15, in spec.steps[1].transform)");
                });
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void recordFunctionsReplaceDropAndFanOut(PythonEngineKind kind) {
        PipelineRecord in = record("k", map("n", 2L));
        List<PipelineRecord> out = python(kind).recordTransform(ref(body("def transform(record):",
                "    record['metadata']['headers']['h'] = 'v'",
                "    return [record, {'key': 'k2', 'value': record['value']['n'] + record['metadata']['partition']}]"))).apply(in);
        assertThat(out).extracting(PipelineRecord::key).containsExactly("k", "k2");
        assertThat(out.get(0).headers()).containsEntry("h", "v").containsEntry("source", "web");
        assertThat(out.get(1).value()).isEqualTo(5L);
        assertThat(out.get(1).headers()).isEqualTo(Map.of("source", "web"));
        assertThat(python(kind).recordTransform(ref(body("def transform(record):", "    return None"))).apply(in)).isEmpty();
        assertThat(python(kind).recordFilter(ref(body("def filter(record):", "    return record['metadata']['offset'] == 42"))).test(in)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void errorsArePythonsClassAndTheDefinitionLine(PythonEngineKind kind) {
        assertThatThrownBy(() -> python(kind).fieldTransform(ref(body("def transform(value, row):", "    return 1 / 0"))).apply(1L, null))
                .isInstanceOfSatisfying(RecordError.class, e -> {
                    assertThat(e.errorClass()).isEqualTo("ZeroDivisionError");
                    assertThat(e).hasMessage("division by zero (at pipeline.yaml:15, in spec.steps[1].transform)");
                });
        assertThatThrownBy(() -> python(kind).fieldTransform(ref(body("def transform(value, row):", "    return row['nope']"))).apply(1L, map("a", 1L)))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass() + ": " + e.getMessage())
                        .isEqualTo("KeyError: 'nope' (at pipeline.yaml:15, in spec.steps[1].transform)"));
        assertThatThrownBy(() -> python(kind).fieldTransform(ref(body("def transform(value, row):", "    return set([value])"))).apply(1L, null))
                .isInstanceOfSatisfying(RecordError.class, e -> {
                    assertThat(e.errorClass()).isEqualTo("TypeError");
                    assertThat(e.getMessage()).contains("set").endsWith("(returned by transform() defined at pipeline.yaml:14, in spec.steps[1].transform)");
                });
        assertThatThrownBy(() -> python(kind).recordTransform(ref(body("def transform(record):", "    return 7"))).apply(record("k", 1L)))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.getMessage()).startsWith(
                        "transform() returned a int: a record transform returns a record dict, a list of them, or None to drop the record"));
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void codeThatCannotLoadFailsWhenTheStepIsMade(PythonEngineKind kind) {
        assertThatThrownBy(() -> python(kind).fieldTransform(ref(body("x = 1", "raise ValueError('bad config')"))))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass() + ": " + e.getMessage())
                        .isEqualTo("ValueError: bad config (at pipeline.yaml:15, in spec.steps[1].transform)"));
        assertThatThrownBy(() -> python(kind).recordFilter(ref(body("def transform(record):", "    return record"))))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass() + ": " + e.getMessage()).isEqualTo(
                        "KeyError: 'filter': the code defines no function named 'filter', called as filter(record) (at pipeline.yaml:14, in spec.steps[1].transform)"));
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void checkingFindsSyntaxErrorsMissingFunctionsAndWrongArity(PythonEngineKind kind) {
        PythonEngine engine = PythonEngines.of(kind);
        assertThat(engine.check(body("def transform(value, row):", "    return value"), "transform", 2)).isEmpty();
        assertThat(engine.check(body("def transform(value, row):", "    return (value"), "transform", 2)).singleElement()
                .satisfies(p -> assertThat(p.line()).isIn(2, 3));
        assertThat(engine.check(body("def other(value, row):", "    return value"), "transform", 2)).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("the code defines no function named 'transform'"));
        assertThat(engine.check(body("def filter(value):", "    return value"), "filter", 2)).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("function 'filter' takes 1 positional argument but is called with 2 (value, row)"));
    }
}
