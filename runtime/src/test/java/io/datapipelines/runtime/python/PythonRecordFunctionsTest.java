package io.datapipelines.runtime.python;

import static io.datapipelines.runtime.python.Refs.keys;
import static io.datapipelines.runtime.python.Refs.keys;
import static io.datapipelines.runtime.python.Refs.map;
import static io.datapipelines.runtime.python.Refs.record;
import static io.datapipelines.runtime.python.Refs.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.datapipelines.model.PythonEngineKind;
import io.datapipelines.model.PythonSettings;

import io.datapipelines.runtime.step.PipelineRecord;
import io.datapipelines.runtime.step.RecordError;

class PythonRecordFunctionsTest {
    private static final java.util.Map<PythonEngineKind, PythonTask> TASKS = new java.util.EnumMap<>(PythonEngineKind.class);
    private PythonTask python;

    private static PythonTask python(PythonEngineKind kind) {
        return TASKS.computeIfAbsent(kind, k -> PythonEngines.newTask(new PythonSettings(k, java.time.Duration.ofSeconds(30))));
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        TASKS.values().forEach(PythonTask::close);
    }

    private List<PipelineRecord> transform(String code, PipelineRecord record) {
        return python.recordTransform(ref(code)).apply(record);
    }

    private static String body(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void theRecordDictHasKeyValueAndMetadata(PythonEngineKind kind) {
        python = python(kind);
        String code = body("def filter(record):",
                "    m = record['metadata']",
                "    return (list(record.keys()) == ['key', 'value', 'metadata']",
                "        and list(m.keys()) == ['topic', 'partition', 'offset', 'timestamp', 'headers']",
                "        and record['key'] == 'k-1' and record['value'] == {'amount': 5}",
                "        and m['topic'] == 'orders' and m['partition'] == 3 and m['offset'] == 42",
                "        and m['timestamp'] == 1700000000000 and m['headers'] == {'source': 'web'})");
        assertThat(python.recordFilter(ref(code)).test(record("k-1", map("amount", 5L)))).isTrue();
        assertThat(python.recordFilter(ref(code)).test(record("k-2", map("amount", 5L)))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void returningTheRecordKeepsIt(PythonEngineKind kind) {
        python = python(kind);
        PipelineRecord input = record(map("id", 1L), map("a", 1L, "b", List.of("x")));
        List<PipelineRecord> out = transform(body("def transform(record):", "    return record"), input);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key()).isEqualTo(map("id", 1L));
        assertThat(out.get(0).value()).isEqualTo(map("a", 1L, "b", List.of("x")));
        assertThat(out.get(0).headers()).isEqualTo(Map.of("source", "web"));
        assertThat(out.get(0).offset()).isEqualTo(42L);
        assertThat(out.get(0).topic()).isEqualTo("orders");
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void aListFansOutInOrder(PythonEngineKind kind) {
        python = python(kind);
        String code = body("def transform(record):",
                "    return [{'key': i, 'value': {'n': i, 'of': record['value']['total']}} for i in range(3)]");
        List<PipelineRecord> out = transform(code, record("k", map("total", 3L)));
        assertThat(out).extracting(PipelineRecord::key).containsExactly(0L, 1L, 2L);
        assertThat(out).extracting(PipelineRecord::value)
                .containsExactly(map("n", 0L, "of", 3L), map("n", 1L, "of", 3L), map("n", 2L, "of", 3L));
        assertThat(out).allSatisfy(r -> {
            assertThat(r.headers()).isEqualTo(Map.of("source", "web"));
            assertThat(r.partition()).isEqualTo(3);
        });
        List<PipelineRecord> tuple = transform(body("def transform(record):", "    return (record, record)"), record("k", 1L));
        assertThat(tuple).extracting(PipelineRecord::value).containsExactly(1L, 1L);
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void noneDropsTheRecordAndAnEmptyListToo(PythonEngineKind kind) {
        python = python(kind);
        assertThat(transform(body("def transform(record):", "    return None"), record("k", 1L))).isEmpty();
        assertThat(transform(body("def transform(record):", "    pass"), record("k", 1L))).isEmpty();
        assertThat(transform(body("def transform(record):", "    return []"), record("k", 1L))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void keyValueAndHeadersCanChange(PythonEngineKind kind) {
        python = python(kind);
        String code = body("def transform(record):",
                "    record['key'] = record['value'].pop('id')",
                "    headers = record['metadata']['headers']",
                "    del headers['source']",
                "    headers['trace'] = 'abc'",
                "    headers['empty'] = None",
                "    record['value']['seen'] = True",
                "    return record");
        PipelineRecord input = record("old", map("id", "new-key", "x", 1L));
        List<PipelineRecord> out = transform(code, input);
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("new-key");
            assertThat(r.value()).isEqualTo(map("x", 1L, "seen", true));
            assertThat(r.headers().keySet()).containsExactly("trace", "empty");
            assertThat(r.headers().get("trace")).isEqualTo("abc");
            assertThat(r.headers().get("empty")).isNull();
        });
        assertThat(input.headers()).isEqualTo(Map.of("source", "web"));
        assertThat(input.key()).isEqualTo("old");
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void aDictWithoutMetadataKeepsTheInputsMetadata(PythonEngineKind kind) {
        python = python(kind);
        List<PipelineRecord> out = transform(body("def transform(record):",
                "    return {'key': record['key'], 'value': {'wrapped': record['value']}}"), record("k", 7L));
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("k");
            assertThat(r.value()).isEqualTo(map("wrapped", 7L));
            assertThat(r.headers()).isEqualTo(Map.of("source", "web"));
            assertThat(r.topic()).isEqualTo("orders");
            assertThat(r.offset()).isEqualTo(42L);
            assertThat(r.timestamp()).isEqualTo(1_700_000_000_000L);
        });
        List<PipelineRecord> onlyValue = transform(body("def transform(record):", "    return {'value': 1}"), record("k", 7L));
        assertThat(onlyValue).singleElement().satisfies(r -> {
            assertThat(r.key()).isNull();
            assertThat(r.value()).isEqualTo(1L);
        });
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void orderOfTheValueIsKeptThroughARecordTransform(PythonEngineKind kind) {
        python = python(kind);
        String code = body("def transform(record):",
                "    v = record['value']",
                "    v['url'] = v['url'].replace('http:', 'https:')",
                "    v['added'] = 1",
                "    del v['drop']",
                "    return record");
        List<PipelineRecord> out = transform(code, record("k", map("z", 1L, "url", "http://x", "drop", 0L, "a", 2L)));
        assertThat(keys(out.get(0).value())).containsExactly("z", "url", "a", "added");
        assertThat(out.get(0).value()).isEqualTo(map("z", 1L, "url", "https://x", "a", 2L, "added", 1L));
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void readingTheMetadataKeepsItAndAnOrderedDictKeepsItsOrder(PythonEngineKind kind) {
        python = python(kind);
        String code = body("from collections import OrderedDict",
                "def transform(record):",
                "    assert record['metadata']['topic'] == 'orders'",
                "    value = OrderedDict([('z', 1), ('a', record['metadata']['offset'])])",
                "    return OrderedDict([('value', value), ('metadata', record['metadata']), ('key', 'k2')])");
        assertThat(transform(code, record("k", 1L))).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("k2");
            assertThat(keys(r.value())).containsExactly("z", "a");
            assertThat(r.value()).isEqualTo(map("z", 1L, "a", 42L));
            assertThat(r.headers()).isEqualTo(Map.of("source", "web"));
        });
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void whatIsNoRecordIsAnErrorNamingWhatCameBack(PythonEngineKind kind) {
        python = python(kind);
        assertThatThrownBy(() -> transform(body("def transform(record):", "    return 5"), record("k", 1L)))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("TypeError"))
                .hasMessageStartingWith("transform() returned a int: ")
                .hasMessageEndingWith("(returned by transform() defined at pipeline.yaml:14, in spec.steps[1].transform)");
        assertThatThrownBy(() -> transform(body("def transform(record):", "    return [record, 'x']"), record("k", 1L)))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("TypeError"))
                // the type is the language's own name for a string: unicode in Jython's Python 2, str in Python 3
                .hasMessageStartingWith("transform() returned a list whose element 1 is a " + (kind == PythonEngineKind.JYTHON ? "unicode" : "str")
                        + ", not a record dict");
        assertThatThrownBy(() -> transform(body("def transform(record):", "    return record['value']"), record("k", map("name", "x"))))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("ValueError"))
                .hasMessageContaining("with the key 'name'");
        assertThatThrownBy(() -> transform(body("def transform(record):", "    record['metadata']['headers']['n'] = 1",
                "    return record"), record("k", 1L)))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("TypeError"))
                .hasMessageContaining("metadata.headers['n'] is not a str");
        assertThatThrownBy(() -> transform(body("def transform(record):", "    record['metadata']['topic'] = 'elsewhere'",
                "    return record"), record("k", 1L)))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("ValueError"))
                .hasMessageContaining("metadata.topic");
        assertThatThrownBy(() -> transform(body("def transform(record):", "    return {'value': {1, 2}}"), record("k", 1L)))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("TypeError"))
                .hasMessageStartingWith("cannot convert set to JSON");
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void recordFilterErrorsNameTheLine(PythonEngineKind kind) {
        python = python(kind);
        assertThatThrownBy(() -> python.recordFilter(ref(body("def filter(record):", "", "    return record['value']['nope']")))
                .test(record("k", map())))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("KeyError"))
                .hasMessage("'nope' (at pipeline.yaml:16, in spec.steps[1].transform)");
    }
}
