package io.datapipelines.runtime.step;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.python.JythonEnvironment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.datapipelines.runtime.TestDefinitions.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Evaluation order of field and record steps (builtin-catalogue.md §1.4, §1.5 and the runner tests of §4.3). */
class FieldStepSemanticsTest {

    private static List<PipelineRecord> run(PipelineDefinition definition, Map<String, Object> value) throws StepFailure {
        try (JythonEnvironment python = new JythonEnvironment()) {
            CompiledPipeline pipeline = CompiledPipeline.compile(definition, python);
            return pipeline.process(new PipelineRecord("k", new LinkedHashMap<>(value), "in", 0, 0, 0, Map.of()));
        }
    }

    private static Map<String, Object> only(List<PipelineRecord> records) {
        assertThat(records).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) records.get(0).value();
        return value;
    }

    @Test
    void laterFieldsSeeEarlierChangesInTheSameStep() throws Exception {
        Map<String, Object> in = Map.of("a", "x", "b", "y");
        assertThat(only(run(steps("""
                    - kind: Field
                      fields:
                        a: {transform: {key: uppercase}}
                        b: {transform: {key: append-field, config: {fieldName: a}}}
                """), in))).containsEntry("b", "yX");
        assertThat(only(run(steps("""
                    - kind: Field
                      fields:
                        b: {transform: {key: append-field, config: {fieldName: a}}}
                        a: {transform: {key: uppercase}}
                """), in))).containsEntry("b", "yx");
    }

    @Test
    void trimNewFieldRenameAndDropAcrossSteps() throws Exception {
        Map<String, Object> in = Map.of("company", " DataCater GmbH     ");
        Map<String, Object> out = only(run(steps("""
                    - kind: Field
                      fields:
                        company: {transform: {key: trim}}
                        city: {transform: {key: new-field, config: {defaultValue: Frankfurt}}}
                    - kind: Field
                      fields:
                        city: {transform: {key: rename-field, config: {newFieldName: company_city}}}
                """), in));
        assertThat(new ArrayList<>(out.entrySet())).containsExactly(Map.entry("company", "DataCater GmbH"), Map.entry("company_city", "Frankfurt"));

        Map<String, Object> dropped = only(run(steps("""
                    - kind: Field
                      fields:
                        city: {transform: {key: new-field, config: {defaultValue: Frankfurt}}}
                    - kind: Field
                      fields:
                        city: {transform: {key: drop-field}}
                """), in));
        assertThat(dropped).containsOnlyKeys("company");
    }

    @Test
    void renamedFieldMovesToTheEnd() throws Exception {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("a", 1L);
        in.put("b", 2L);
        in.put("c", 3L);
        Map<String, Object> out = only(run(steps("""
                    - kind: Field
                      fields:
                        a: {transform: {key: rename-field, config: {newFieldName: z}}}
                """), in));
        assertThat(new ArrayList<>(out.keySet())).containsExactly("b", "c", "z");
    }

    @Test
    void passOneSeesValuesBeforePostTransforms() throws Exception {
        // The rename runs in pass 2, so append-field in pass 1 still reads the old name.
        Map<String, Object> out = only(run(steps("""
                    - kind: Field
                      fields:
                        a: {transform: {key: rename-field, config: {newFieldName: c}}}
                        b: {transform: {key: append-field, config: {fieldName: a}}}
                """), Map.of("a", "1", "b", "2")));
        assertThat(out).containsEntry("b", "21").containsEntry("c", "1").doesNotContainKey("a");
    }

    @Test
    void newFieldIsNotVisibleToPassOneOfItsStep() {
        assertThatThrownBy(() -> run(steps("""
                    - kind: Field
                      fields:
                        n: {transform: {key: new-field, config: {defaultValue: 1}}}
                        b: {transform: {key: replace-field, config: {fieldName: n}}}
                """), Map.of("b", "x")))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.step()).isEqualTo("steps[0].fields[b]");
                    assertThat(f.errorClass()).isEqualTo("KeyError");
                });
    }

    @Test
    void failingFilterWithoutTransformDropsTheRecord() throws Exception {
        assertThat(run(steps("""
                    - kind: Field
                      fields:
                        company: {filter: {key: contain, config: {value: Cat}}}
                """), Map.of("company", "DataKater GmbH"))).isEmpty();
    }

    @Test
    void failingFilterWithTransformOnlySkipsTheTransform() throws Exception {
        String definition = """
                    - kind: Field
                      fields:
                        company:
                          filter: {key: contain, config: {value: Cat}}
                          transform: {key: uppercase}
                """;
        assertThat(only(run(steps(definition), Map.of("company", "DataKater GmbH")))).containsEntry("company", "DataKater GmbH");
        assertThat(only(run(steps(definition), Map.of("company", "DataCater GmbH")))).containsEntry("company", "DATACATER GMBH");
    }

    @Test
    void aFailingFilterInPassTwoNeverDropsTheRecord() throws Exception {
        Map<String, Object> out = only(run(steps("""
                    - kind: Field
                      fields:
                        a:
                          filter: {key: equal, config: {value: nope}}
                          transform: {key: drop-field}
                """), Map.of("a", "x")));
        assertThat(out).containsEntry("a", "x");
    }

    @Test
    void droppingAMissingFieldIsAKeyErrorNamingTheField() {
        assertThatThrownBy(() -> run(steps("""
                    - kind: Record
                    - kind: Field
                      fields:
                        gone: {transform: {key: drop-field}}
                """), Map.of("a", "x")))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.step()).isEqualTo("steps[1].fields[gone]");
                    assertThat(f.errorClass()).isEqualTo("KeyError");
                });
    }

    @Test
    void aFieldStepNeedsAnObjectValue() {
        assertThatThrownBy(() -> {
            try (JythonEnvironment python = new JythonEnvironment()) {
                CompiledPipeline.compile(steps("""
                            - kind: Field
                              fields:
                                a: {transform: {key: uppercase}}
                        """), python).process(new PipelineRecord(null, "just a string", "in", 0, 0, 0, Map.of()));
            }
        }).isInstanceOfSatisfying(StepFailure.class, f -> {
            assertThat(f.step()).isEqualTo("steps[0].fields[a]");
            assertThat(f.errorClass()).isEqualTo("AttributeError");
        });
    }

    @Test
    void anEmptyRecordStepAndNoStepsCopyTheRecord() throws Exception {
        assertThat(only(run(steps("    - kind: Record\n"), Map.of("a", 1L)))).isEqualTo(Map.of("a", 1L));
        assertThat(only(run(io.datapipelines.runtime.TestDefinitions.pipeline(""), Map.of("a", 1L)))).isEqualTo(Map.of("a", 1L));
    }
}
