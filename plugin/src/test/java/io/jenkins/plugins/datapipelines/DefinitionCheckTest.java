package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored definition's check, as the Data Pipeline job's form shows it: the model's own messages, with line and column. */
class DefinitionCheckTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "../examples"));

    private static final String VALID = """
            apiVersion: datapipelines/v1
            kind: DataPipeline
            metadata:
              name: orders
            spec:
              source:
                topics: [orders]
              sink:
                topic: orders-clean
              steps:
                - kind: Field
                  fields:
                    status: {transform: {key: lowercase}}
            """;

    @Test
    void aValidDefinitionGivesItsNameAndRevision() throws Exception {
        DefinitionCheck.Result result = DefinitionCheck.check(VALID);
        assertEquals("orders", result.pipeline());
        assertEquals(64, result.revisionHash().length());
        assertEquals(List.of(), result.errors());
        String example = Files.readString(EXAMPLES.resolve("orders-cleanup.yaml"));
        assertEquals("orders-cleanup", DefinitionCheck.check(example).pipeline());
    }

    @Test
    void problemsAreTheModelsOwnMessagesWithLineAndColumn() {
        DefinitionCheck.Result result = DefinitionCheck.check(VALID.replace("key: lowercase", "key: lowercas").replace("topic: orders-clean", "topik: x"));
        assertNull(result.pipeline());
        assertEquals(List.of(
                "definition:9:5: spec.sink.topik: unknown key; did you mean 'topic'?",
                "definition:9:5: spec.sink.topic: is required",
                "definition:13:35: spec.steps[0].fields.status.transform.key: unknown transform 'lowercas'; did you mean 'lowercase'?"),
                result.errors());
        assertTrue(DefinitionCheck.check("spec: [unclosed").errors().get(0).startsWith("definition:1:"), "a YAML syntax error has its place too");
    }

    @Test
    void aPythonFileIsReadAtBuildTimeSoItIsAWarningHere() throws Exception {
        String withFile = Files.readString(EXAMPLES.resolve("csv-to-json.yaml"));
        DefinitionCheck.Result result = DefinitionCheck.check(withFile);
        assertTrue(withFile.contains("file:"), "the example uses a Python file");
        assertEquals(List.of(), result.errors());
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().get(0).contains(": the Python file is read from the workspace when the build runs"), result.warnings().get(0));
    }
}
