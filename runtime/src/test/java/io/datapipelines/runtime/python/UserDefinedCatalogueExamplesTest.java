package io.datapipelines.runtime.python;

import static io.datapipelines.runtime.python.Refs.map;
import static io.datapipelines.runtime.python.Refs.noCode;
import static io.datapipelines.runtime.python.Refs.record;
import static io.datapipelines.runtime.python.Refs.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.datapipelines.model.PythonEngineKind;
import io.datapipelines.model.PythonSettings;

import io.datapipelines.runtime.step.PipelineRecord;
import io.datapipelines.runtime.step.RecordError;

/**
 * The user-defined-* examples of builtin-catalogue.md §4.1 and §4.2, adapted to our rules: a misnamed
 * function or a wrong number of parameters is found when the step is made (still a {@link RecordError}
 * {@code KeyError} / {@code TypeError}), not once per record.
 */
class UserDefinedCatalogueExamplesTest {
    private static final java.util.Map<PythonEngineKind, PythonTask> TASKS = new java.util.EnumMap<>(PythonEngineKind.class);

    private static PythonTask python(PythonEngineKind kind) {
        return TASKS.computeIfAbsent(kind, k -> PythonEngines.newTask(new PythonSettings(k, java.time.Duration.ofSeconds(30))));
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        TASKS.values().forEach(PythonTask::close);
    }

    private static void assertRecordError(Runnable making, String errorClass) {
        assertThatThrownBy(making::run)
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo(errorClass));
    }

    // §4.1 user-defined-filter

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void fieldFilterTestingValueEquals42(PythonEngineKind kind) {
        PythonTask python = python(kind);
        var filter = python.fieldFilter(ref("def filter(value, row):\n    return value == 42\n"));
        assertThat(filter.test(42L, map("field", 42L))).isTrue();
        assertThat(filter.test("42", map("field", "42"))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void fieldFilterMisnamedOrWithOneParameter(PythonEngineKind kind) {
        PythonTask python = python(kind);
        assertRecordError(() -> python.fieldFilter(ref("def filtr(value, row):\n    return True\n")), "KeyError");
        assertRecordError(() -> python.fieldFilter(ref("def filter(value):\n    return True\n")), "TypeError");
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void fieldFilterWithoutConfigPasses(PythonEngineKind kind) {
        PythonTask python = python(kind);
        assertThat(python.fieldFilter(noCode()).test("anything", map())).isTrue();
        assertThat(python.fieldFilter(noCode()).test(null, map())).isTrue();
    }

    // §4.1 user-defined-record-filter

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void recordFilterTestingValueFoo(PythonEngineKind kind) {
        PythonTask python = python(kind);
        var filter = python.recordFilter(ref("def filter(record):\n    return record['value']['foo'] == 42\n"));
        assertThat(filter.test(record(null, map("foo", 42L)))).isTrue();
        assertThat(filter.test(record(null, map("foo", "42")))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void recordFilterMisnamedOrWithTwoParameters(PythonEngineKind kind) {
        PythonTask python = python(kind);
        assertRecordError(() -> python.recordFilter(ref("def filtr(record):\n    return True\n")), "KeyError");
        assertRecordError(() -> python.recordFilter(ref("def filter(value, row):\n    return True\n")), "TypeError");
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void recordFilterWithoutConfigPasses(PythonEngineKind kind) {
        PythonTask python = python(kind);
        assertThat(python.recordFilter(noCode()).test(record(null, map()))).isTrue();
    }

    // §4.2 user-defined-transformation

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void fieldTransformReturning42(PythonEngineKind kind) {
        PythonTask python = python(kind);
        assertThat(python.fieldTransform(ref("def transform(value, row):\n    return 42\n")).apply("x", map()))
                .isEqualTo(42L);
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void fieldTransformJoiningNameAndLegal(PythonEngineKind kind) {
        PythonTask python = python(kind);
        var transform = python.fieldTransform(ref("def transform(value, row):\n    return value['name'] + ' ' + value['legal']\n"));
        Map<String, Object> company = map("name", "DataCater", "legal", "GmbH");
        assertThat(transform.apply(company, map("company", company))).isEqualTo("DataCater GmbH");
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void fieldTransformAddingARowField(PythonEngineKind kind) {
        PythonTask python = python(kind);
        var transform = python.fieldTransform(ref("def transform(value, row):\n    return value + row['magicNumber']\n"));
        assertThat(transform.apply(42L, map("field", 42L, "magicNumber", 100L))).isEqualTo(142L);
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void fieldTransformMisnamedOrWithOneParameter(PythonEngineKind kind) {
        PythonTask python = python(kind);
        assertRecordError(() -> python.fieldTransform(ref("def transfrm(value, row):\n    return 42\n")), "KeyError");
        assertRecordError(() -> python.fieldTransform(ref("def transform(value):\n    return 42\n")), "TypeError");
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void fieldTransformWithoutConfigIsTheIdentity(PythonEngineKind kind) {
        PythonTask python = python(kind);
        var transform = python.fieldTransform(noCode());
        for (Object value : Arrays.asList(null, "DataCater", 42L, map("a", 1L), List.of(1L, 2L))) {
            assertThat(transform.apply(value, map())).isSameAs(value);
        }
    }

    // §4.2 user-defined-record-transformation

    private static PipelineRecord sample() {
        return record(map("id", 42L), map("name", "DataCater", "url", "http://datacater.io"));
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void recordTransformRewritingTheUrl(PythonEngineKind kind) {
        PythonTask python = python(kind);
        var transform = python.recordTransform(ref(String.join("\n",
                "def transform(record):",
                "    record['value']['url'] = record['value']['url'].replace('http://', 'https://')",
                "    return record", "")));
        List<PipelineRecord> out = transform.apply(sample());
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(map("id", 42L));
            assertThat(r.value()).isEqualTo(map("name", "DataCater", "url", "https://datacater.io"));
        });
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void recordTransformReplacingTheKeyWithItsId(PythonEngineKind kind) {
        PythonTask python = python(kind);
        var transform = python.recordTransform(ref("def transform(record):\n    record['key'] = record['key']['id']\n    return record\n"));
        assertThat(transform.apply(sample())).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(42L);
            assertThat(r.value()).isEqualTo(sample().value());
        });
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void recordTransformMisnamedOrWithNoParameter(PythonEngineKind kind) {
        PythonTask python = python(kind);
        assertRecordError(() -> python.recordTransform(ref("def transformation(record):\n    return record\n")), "KeyError");
        assertRecordError(() -> python.recordTransform(ref("def transform():\n    return None\n")), "TypeError");
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void recordTransformWithoutConfigIsTheIdentity(PythonEngineKind kind) {
        PythonTask python = python(kind);
        var transform = python.recordTransform(noCode());
        PipelineRecord empty = record(null, map());
        assertThat(transform.apply(empty)).containsExactly(empty);
        PipelineRecord sample = sample();
        assertThat(transform.apply(sample)).containsExactly(sample);
    }

    @ParameterizedTest
    @EnumSource(PythonEngineKind.class)
    void emptyCodeDefinesNothing(PythonEngineKind kind) {
        PythonTask python = python(kind);
        // DataCater: code "" defines nothing, so the look-up fails with KeyError
        assertRecordError(() -> python.fieldTransform(ref("")), "KeyError");
    }
}
