package io.datapipelines.runtime;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.InvalidDefinitionException;
import io.datapipelines.model.PipelineDefinition;

/** Definitions for tests, written as the YAML users write. */
public final class TestDefinitions {

    private TestDefinitions() {
    }

    /** A pipeline "p" from topic "in" to "out", with the given YAML lines appended under {@code spec:}. */
    public static PipelineDefinition pipeline(String specLines) {
        String text = "apiVersion: datapipelines/v1\nkind: DataPipeline\nmetadata: {name: p}\nspec:\n"
                + "  source: {topic: in}\n  sink: {topic: out}\n" + specLines;
        return parse(text);
    }

    /** A pipeline whose only settings are the given {@code steps:} entries (indented as list items under steps). */
    public static PipelineDefinition steps(String stepLines) {
        return pipeline("  steps:\n" + stepLines);
    }

    public static PipelineDefinition parse(String text) {
        try {
            return new DefinitionParser().parse(text, "test.yaml", null);
        } catch (InvalidDefinitionException e) {
            throw new AssertionError("invalid test definition:\n" + e.getMessage());
        }
    }
}
