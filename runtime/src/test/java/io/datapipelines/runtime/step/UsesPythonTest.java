package io.datapipelines.runtime.step;

import org.junit.jupiter.api.Test;

import static io.datapipelines.runtime.TestDefinitions.pipeline;
import static io.datapipelines.runtime.TestDefinitions.steps;
import static org.assertj.core.api.Assertions.assertThat;

/** Jython is started only for pipelines that run Python, wherever the Python step stands. */
class UsesPythonTest {

    @Test
    void builtInsOnlyNeedNoPython() {
        assertThat(CompiledPipeline.usesPython(pipeline(""))).isFalse();
        assertThat(CompiledPipeline.usesPython(steps("""
                    - kind: Field
                      fields:
                        a: {filter: {key: not-empty}, transform: {key: uppercase}}
                    - kind: Record
                """))).isFalse();
    }

    @Test
    void aPythonFieldFilterNeedsPython() {
        assertThat(CompiledPipeline.usesPython(steps("""
                    - kind: Field
                      fields:
                        a: {transform: {key: uppercase}}
                        b: {filter: {key: user-defined-filter}}
                """))).isTrue();
    }

    @Test
    void aPythonRecordTransformNeedsPython() {
        assertThat(CompiledPipeline.usesPython(steps("""
                    - kind: Field
                      fields:
                        a: {transform: {key: uppercase}}
                    - kind: Record
                      transform: {key: user-defined-record-transformation}
                """))).isTrue();
    }

    @Test
    void aPipelineWithoutPythonRunsWithoutAnEnvironment() throws Exception {
        CompiledPipeline compiled = CompiledPipeline.compile(steps("""
                    - kind: Field
                      fields:
                        a: {transform: {key: uppercase}}
                """), null);
        PipelineRecord record = new PipelineRecord(null, new java.util.LinkedHashMap<>(java.util.Map.of("a", "x")), "in", 0, 0, 0, java.util.Map.of());
        assertThat(compiled.process(record)).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(java.util.Map.of("a", "X")));
    }
}
