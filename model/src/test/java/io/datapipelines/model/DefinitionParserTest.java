package io.datapipelines.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefinitionParserTest {
    private static final Path VALID = Path.of("src/test/resources/valid");

    private static PipelineDefinition parse(String file) throws Exception {
        return new DefinitionParser(null).parse(VALID.resolve(file));
    }

    @Test
    void readsEverySectionOfTheFormat() throws Exception {
        PipelineDefinition d = parse("full.yaml");
        assertThat(d.name()).isEqualTo("orders-eu");
        assertThat(d.metadata().description()).isEqualTo("EU orders, cleaned");
        assertThat(d.metadata().labels()).containsEntry("team", "payments").containsEntry("app.kubernetes.io/part-of", "shop");
        Spec spec = d.spec();
        assertThat(spec.source().topics()).containsExactly("orders");
        assertThat(spec.source().startFrom()).isEqualTo(StartFrom.LATEST);
        assertThat(spec.sink().topic()).isEqualTo("orders-eu");
        assertThat(spec.errors()).isEqualTo(new ErrorHandling(ErrorMode.SKIP, "orders-eu-errors"));
        assertThat(spec.processing().guarantee()).isEqualTo(Guarantee.AT_LEAST_ONCE);
        assertThat(spec.deployment()).isEqualTo(new DeploymentSettings(2, 6, 60, 1000L,
                Map.of("cpu", "500m", "memory", "300Mi"), Map.of("memory", "600Mi", "cpu", "1")));

        assertThat(spec.steps()).hasSize(3);
        FieldStep fields = (FieldStep) spec.steps().get(0);
        assertThat(fields.name()).isEqualTo("mask personal data");
        assertThat(fields.fields().keySet()).containsExactly("country", "email", "amount"); // document order is kept
        FunctionRef hash = fields.fields().get("email").transform();
        assertThat(hash.key()).isEqualTo("hash");
        assertThat(hash.config()).containsEntry("algorithm", "sha256");
        assertThat(hash.path()).isEqualTo("spec.steps[0].fields.email.transform");
        assertThat(hash.location().line()).isEqualTo(23);

        RecordStep filter = (RecordStep) spec.steps().get(1);
        assertThat(filter.filter().code()).startsWith("def filter(record):\n");
        // The block's first content line, for mapping Python line numbers to the definition.
        assertThat(filter.filter().codeLocation()).isEqualTo(new Location(VALID.resolve("full.yaml").toString(), 30, 13));

        RecordStep enrich = (RecordStep) spec.steps().get(2);
        assertThat(enrich.transform().config()).doesNotContainKey("file");
        assertThat(enrich.transform().code()).contains("record[\"value\"][\"region\"] = \"eu\"");
        assertThat(enrich.transform().codeLocation()).isEqualTo(new Location("transforms/enrich.py", 1, 1));

        PipelineTest test = spec.tests().get(0);
        assertThat(test.input().get(0).key()).isEqualTo("o-1");
        assertThat(test.input().get(0).headers()).containsEntry("source", "web");
        assertThat(test.input().get(0).timestamp()).isEqualTo(1700000000000L);
        assertThat(test.expect().get(0).value()).isEqualTo(Map.of("country", "DE", "email", "x", "total", 10.0));
        assertThat(spec.tests().get(1).input().get(0).valueRaw()).isEqualTo("not json");
        assertThat(spec.tests().get(1).deadLetters()).isEqualTo(1);
    }

    @Test
    void fillsInDefaults() throws Exception {
        PipelineDefinition d = parse("minimal.yaml");
        Spec spec = d.spec();
        assertThat(spec.source().format()).isEqualTo(DataFormat.JSON);
        assertThat(spec.source().keyFormat()).isEqualTo(DataFormat.STRING);
        assertThat(spec.source().startFrom()).isEqualTo(StartFrom.EARLIEST);
        assertThat(spec.sink().format()).isEqualTo(DataFormat.JSON);
        assertThat(spec.steps()).isEmpty();
        assertThat(spec.errors()).isEqualTo(new ErrorHandling(ErrorMode.DEAD_LETTER, "copy-dlq"));
        assertThat(spec.processing().guarantee()).isEqualTo(Guarantee.EXACTLY_ONCE);
        assertThat(spec.deployment().minReplicas()).isEqualTo(1);
        assertThat(spec.deployment().maxReplicas()).isEqualTo(1);
        assertThat(spec.deployment().cpuUtilization()).isEqualTo(70);
        assertThat(spec.deployment().lagThreshold()).isNull();
        assertThat(spec.deployment().requests()).containsEntry("memory", "256Mi");
    }

    @Test
    void sameMeaningGivesSameCanonicalFormAndRevisionHash() throws Exception {
        PipelineDefinition yaml = parse("minimal.yaml");
        PipelineDefinition json = parse("minimal-reordered.json"); // other key order, defaults spelt out, topics list
        assertThat(CanonicalForm.json(json)).isEqualTo(CanonicalForm.json(yaml));
        assertThat(CanonicalForm.revisionHash(json)).isEqualTo(CanonicalForm.revisionHash(yaml)).matches("[0-9a-f]{64}");
    }

    @Test
    void anyChangeOfMeaningChangesTheRevisionHash() throws Exception {
        String base = "apiVersion: datapipelines/v1\nkind: DataPipeline\nmetadata: {name: copy}\nspec:\n  source: {topic: in}\n  sink: {topic: out}\n";
        DefinitionParser parser = new DefinitionParser(null);
        String hash = CanonicalForm.revisionHash(parser.parse(base, "a.yaml", null));
        assertThat(CanonicalForm.revisionHash(parser.parse(base.replace("topic: out", "topic: out2"), "a.yaml", null))).isNotEqualTo(hash);
        assertThat(CanonicalForm.revisionHash(parser.parse(base + "  processing: {guarantee: at-least-once}\n", "a.yaml", null))).isNotEqualTo(hash);
        // ...while comments and layout do not.
        assertThat(CanonicalForm.revisionHash(parser.parse("# a comment\n" + base.replace("{topic: in}", "\n    topic: in"), "a.yaml", null)))
                .isEqualTo(hash);
    }

    /**
     * The canonical form is itself a definition with the same canonical form: a rollback (the Jenkins plugin's
     * "Roll back to this build") deploys the canonical definition a build recorded, and must land on the same
     * revision hash. Every example and every valid test definition, Python files inlined included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"../examples/orders-cleanup.yaml", "../examples/csv-to-json.yaml", "../examples/order-fanout.yaml",
            "src/test/resources/valid/full.yaml"})
    void theCanonicalFormParsesBackToItself(String file) throws Exception {
        DefinitionParser parser = new DefinitionParser(null);
        PipelineDefinition original = parser.parse(Path.of(file));
        String canonical = CanonicalForm.json(original);
        PipelineDefinition again = parser.parse(canonical, "recorded.json", null);
        assertThat(CanonicalForm.json(again)).isEqualTo(canonical);
        assertThat(CanonicalForm.revisionHash(again)).isEqualTo(CanonicalForm.revisionHash(original));
    }

    @Test
    void fieldOrderIsMeaningAndIsKeptInTheCanonicalForm() throws Exception {
        String template = "apiVersion: datapipelines/v1\nkind: DataPipeline\nmetadata: {name: p}\nspec:\n  source: {topic: in}\n  sink: {topic: out}\n"
                + "  steps:\n    - kind: Field\n      fields:\n        %s\n        %s\n";
        String a = "a: {transform: {key: uppercase}}";
        String b = "b: {transform: {key: hash}}";
        DefinitionParser parser = new DefinitionParser(null);
        PipelineDefinition ab = parser.parse(String.format(template, a, b), "p.yaml", null);
        PipelineDefinition ba = parser.parse(String.format(template, b, a), "p.yaml", null);
        assertThat(CanonicalForm.json(ab)).contains("\"fields\":{\"a\":");
        assertThat(CanonicalForm.json(ba)).contains("\"fields\":{\"b\":");
        assertThat(CanonicalForm.revisionHash(ab)).isNotEqualTo(CanonicalForm.revisionHash(ba));
    }

    @Test
    void canonicalFormIsAValidDefinitionWithTheSameCanonicalForm() throws Exception {
        PipelineDefinition full = parse("full.yaml");
        String canonical = CanonicalForm.json(full);
        assertThat(canonical).doesNotContain("\"file\"").contains("\"topics\":[\"orders\"]");
        PipelineDefinition again = new DefinitionParser(null).parse(canonical, "canonical.json", null);
        assertThat(CanonicalForm.json(again)).isEqualTo(canonical);
    }

    @Test
    void reportsEveryProblemAtOnceInLineOrder() {
        String text = "apiVersion: datapipelines/v1\nkind: Pipeline\nmetadata: {name: Bad_Name}\nspec:\n  source: {topic: in}\n  sink: {topic: in}\n";
        assertThatThrownBy(() -> new DefinitionParser(null).parse(text, "p.yaml", null))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
                        .containsExactly(
                                "p.yaml:2:7: kind: must be 'DataPipeline', not 'Pipeline'",
                                "p.yaml:3:18: metadata.name: 'Bad_Name' is not a valid name: 1 to 40 lower-case letters, digits and '-', "
                                        + "starting and ending with a letter or digit",
                                "p.yaml:6:17: spec.sink.topic: 'in' is also a source topic; a pipeline must not write to the topic it reads"));
    }

    @Test
    void jsonDefinitionsHaveLinesAndColumnsToo() {
        String text = "{\n  \"apiVersion\": \"datapipelines/v1\",\n  \"kind\": \"DataPipeline\",\n  \"metadata\": {\"name\": \"p\"},\n"
                + "  \"spec\": {\"source\": {\"topic\": \"in\"}, \"sink\": {\"topic\": \"out\", \"format\": \"xml\"}}\n}\n";
        assertThatThrownBy(() -> new DefinitionParser(null).parse(text, "p.json", null))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
                        .containsExactly("p.json:5:74: spec.sink.format: must be one of json, string, not 'xml'"));
    }

    @Test
    void pythonProblemsAreReportedAtTheDefinitionsLine() {
        PythonChecker checker = (code, function) -> code.contains("oops")
                ? List.of(new PythonChecker.CodeProblem(2, 5, "invalid syntax")) : List.of();
        String text = "apiVersion: datapipelines/v1\nkind: DataPipeline\nmetadata: {name: p}\nspec:\n  source: {topic: in}\n  sink: {topic: out}\n"
                + "  steps:\n    - kind: Record\n      transform:\n        key: user-defined-record-transformation\n        config:\n"
                + "          code: |\n            def transform(record):\n                oops(\n";
        assertThatThrownBy(() -> new DefinitionParser(checker).parse(text, "p.yaml", null))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
                        .containsExactly("p.yaml:14:17: spec.steps[0].transform.config.code: Python: invalid syntax"));
    }

    @Test
    void fileReferencesNeedAFolderToResolveAgainst() {
        String text = "apiVersion: datapipelines/v1\nkind: DataPipeline\nmetadata: {name: p}\nspec:\n  source: {topic: in}\n  sink: {topic: out}\n"
                + "  steps:\n    - kind: Record\n      transform: {key: user-defined-record-transformation, config: {file: t.py}}\n";
        assertThatThrownBy(() -> new DefinitionParser(null).parse(text, "p.yaml", null))
                .hasMessageContaining("'file' can only be used in a definition read from a file");
    }
}
