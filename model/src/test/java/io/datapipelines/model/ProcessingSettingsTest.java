package io.datapipelines.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code spec.processing.python}: the engine and the per-record time limit of user code. */
class ProcessingSettingsTest {
    private static final String BASE = "apiVersion: datapipelines/v1\nkind: DataPipeline\nmetadata: {name: p}\nspec:\n"
            + "  source: {topic: in}\n  sink: {topic: out}\n";
    private static final String PYTHON_STEP = "  steps:\n    - kind: Record\n      transform:\n        key: user-defined-record-transformation\n"
            + "        config:\n          code: |\n            def transform(record):\n                return record\n";

    private static PipelineDefinition parse(String text) throws Exception {
        return new DefinitionParser(null).parse(text, "p.yaml", null);
    }

    private static List<String> problems(String text) {
        List<String> found = new ArrayList<>();
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(InvalidDefinitionException.class,
                e -> e.problems().forEach(p -> found.add(p.toString())));
        return found;
    }

    @Test
    void graalPyAndFiveSecondsAreTheDefaults() throws Exception {
        PythonSettings python = parse(BASE).spec().processing().python();
        assertThat(python.engine()).isEqualTo(PythonEngineKind.GRAALPY);
        assertThat(python.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(parse(BASE + "  processing: {guarantee: at-least-once}\n").spec().processing().python()).isEqualTo(PythonSettings.DEFAULTS);
    }

    @Test
    void graalPyPipelinesGetMoreMemoryByDefaultOthersKeepTheirs() throws Exception {
        DeploymentSettings graalPy = parse(BASE + PYTHON_STEP).spec().deployment();
        assertThat(graalPy.requests()).containsEntry("memory", "1024Mi").containsEntry("cpu", "250m");
        assertThat(graalPy.limits()).containsEntry("memory", "1024Mi");
        DeploymentSettings jython = parse(BASE + PYTHON_STEP + "  processing: {python: {engine: jython}}\n").spec().deployment();
        assertThat(jython.requests()).containsEntry("memory", "256Mi");
        assertThat(jython.limits()).containsEntry("memory", "512Mi");
        assertThat(parse(BASE).spec().deployment().limits()).containsEntry("memory", "512Mi");
        DeploymentSettings chosen = parse(BASE + PYTHON_STEP + "  deployment: {resources: {limits: {memory: 2Gi}}}\n").spec().deployment();
        assertThat(chosen.limits()).containsEntry("memory", "2Gi");
        assertThat(chosen.requests()).containsEntry("memory", "1024Mi");
    }

    @Test
    void readsTheEngineAndTheTimeout() throws Exception {
        Processing processing = parse(BASE + "  processing:\n    python: {engine: jython, timeout: 250ms}\n").spec().processing();
        assertThat(processing.guarantee()).isEqualTo(Guarantee.EXACTLY_ONCE);
        assertThat(processing.python()).isEqualTo(new PythonSettings(PythonEngineKind.JYTHON, Duration.ofMillis(250)));
        assertThat(parse(BASE + "  processing: {python: {timeout: 1m}}\n").spec().processing().python().timeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void wrongValuesAreReportedWhereTheyAre() {
        assertThat(problems(BASE + "  processing:\n    python: {engine: cpython, timeout: 5 seconds}\n")).containsExactly(
                "p.yaml:8:22: spec.processing.python.engine: must be one of graalpy, jython, not 'cpython'",
                "p.yaml:8:40: spec.processing.python.timeout: '5 seconds' is not a duration: a whole number and ms, s or m, such as 500ms or 5s");
        assertThat(problems(BASE + "  processing:\n    python:\n      timeout: 2m\n")).containsExactly(
                "p.yaml:9:16: spec.processing.python.timeout: must be between 10ms and 1m, not 2m");
        assertThat(problems(BASE + "  processing:\n    python:\n      timeout: 5\n")).containsExactly(
                "p.yaml:9:16: spec.processing.python.timeout: '5' needs a unit: ms, s or m, such as 5s");
        assertThat(problems(BASE + "  processing:\n    python:\n      engin: jython\n")).singleElement().asString()
                .startsWith("p.yaml:9:7: spec.processing.python.engin: unknown key; did you mean 'engine'?");
        assertThat(problems(BASE + "  processing:\n    python: graalpy\n")).singleElement().asString()
                .startsWith("p.yaml:8:13: spec.processing.python: must be a mapping");
    }

    @Test
    void theSettingsArePartOfTheCanonicalFormAndTheRevisionHash() throws Exception {
        PipelineDefinition defaults = parse(BASE + PYTHON_STEP);
        assertThat(CanonicalForm.json(defaults)).contains("\"processing\":{\"guarantee\":\"exactly-once\",\"python\":{\"engine\":\"graalpy\",\"timeout\":\"5s\"}}");
        String hash = CanonicalForm.revisionHash(defaults);
        // Spelt out or spelt differently, the same meaning is the same revision...
        assertThat(CanonicalForm.revisionHash(parse(BASE + PYTHON_STEP + "  processing: {python: {engine: graalpy, timeout: 5000ms}}\n"))).isEqualTo(hash);
        // ...another engine or limit is another revision.
        assertThat(CanonicalForm.revisionHash(parse(BASE + PYTHON_STEP + "  processing: {python: {engine: jython}}\n"))).isNotEqualTo(hash);
        assertThat(CanonicalForm.revisionHash(parse(BASE + PYTHON_STEP + "  processing: {python: {timeout: 6s}}\n"))).isNotEqualTo(hash);
        // The canonical form reads back to itself.
        PipelineDefinition jython = parse(BASE + PYTHON_STEP + "  processing: {python: {engine: jython, timeout: 1500ms}}\n");
        String canonical = CanonicalForm.json(jython);
        assertThat(canonical).contains("\"timeout\":\"1500ms\"");
        assertThat(CanonicalForm.json(new DefinitionParser(null).parse(canonical, "c.json", null))).isEqualTo(canonical);
    }

    @Test
    void theCheckerCompilesWithTheChosenEngine() throws Exception {
        List<PythonEngineKind> seen = new ArrayList<>();
        PythonChecker checker = new PythonChecker() {
            @Override
            public List<CodeProblem> check(String code, String functionName) {
                throw new AssertionError("the engine-aware method is called");
            }

            @Override
            public List<CodeProblem> check(String code, String functionName, int arity, PythonEngineKind engine) {
                seen.add(engine);
                return List.of();
            }
        };
        new DefinitionParser(checker).parse(BASE + PYTHON_STEP + "  processing: {python: {engine: jython}}\n", "p.yaml", null);
        new DefinitionParser(checker).parse(BASE + PYTHON_STEP, "p.yaml", null);
        assertThat(seen).containsExactly(PythonEngineKind.JYTHON, PythonEngineKind.GRAALPY);
    }
}
