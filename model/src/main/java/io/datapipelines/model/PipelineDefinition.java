package io.datapipelines.model;

/**
 * A validated pipeline definition (format v1, see docs/definition-format.md) with every default filled
 * in. Instances only come from {@link DefinitionParser}, so holding one means the definition is valid.
 *
 * @param source where the definition was read from (for messages; not part of the revision)
 */
public record PipelineDefinition(String source, Metadata metadata, Spec spec) {

    public static final String API_VERSION = "datapipelines/v1";
    public static final String KIND = "DataPipeline";

    public String name() {
        return metadata.name();
    }
}
