package io.datapipelines.image;

import io.datapipelines.model.CanonicalForm;
import io.datapipelines.model.PipelineDefinition;

import java.util.Map;
import java.util.TreeMap;

/**
 * The labels of a pipeline image. Every value is a function of the build's inputs (the definition, the
 * runtime version, the base digest and an optional source URL), never of the time or the machine, so
 * that the image stays reproducible.
 */
public final class ImageLabels {
    public static final String TITLE = "org.opencontainers.image.title";
    public static final String DESCRIPTION = "org.opencontainers.image.description";
    public static final String VERSION = "org.opencontainers.image.version";
    public static final String REVISION = "org.opencontainers.image.revision";
    public static final String SOURCE = "org.opencontainers.image.source";
    public static final String BASE_NAME = "org.opencontainers.image.base.name";
    public static final String BASE_DIGEST = "org.opencontainers.image.base.digest";
    public static final String PIPELINE = "io.datapipelines.pipeline";
    public static final String REVISION_HASH = "io.datapipelines.revision-hash";
    public static final String RUNTIME_VERSION = "io.datapipelines.runtime-version";

    private ImageLabels() {
    }

    /**
     * @param base   the base image by digest ({@code registry/repository@sha256:...}), or null for a local archive
     * @param source where the definition's source lives (an SCM URL), or null if not given
     */
    static Map<String, String> of(PipelineDefinition definition, String runtimeVersion, String base, String source) {
        String revisionHash = CanonicalForm.revisionHash(definition);
        Map<String, String> labels = new TreeMap<>();
        labels.put(TITLE, definition.name());
        if (definition.metadata().description() != null) {
            labels.put(DESCRIPTION, definition.metadata().description());
        }
        // The packaged software is the pipeline at one revision: its version is the short revision hash (what
        // 'datapipelines validate' prints), its revision the full one. A Git commit would change the digest of an
        // image whose content did not change.
        labels.put(VERSION, revisionHash.substring(0, 12));
        labels.put(REVISION, revisionHash);
        if (source != null) {
            labels.put(SOURCE, source);
        }
        if (base != null) {
            labels.put(BASE_NAME, base);
            labels.put(BASE_DIGEST, base.substring(base.indexOf('@') + 1));
        }
        labels.put(PIPELINE, definition.name());
        labels.put(REVISION_HASH, revisionHash);
        labels.put(RUNTIME_VERSION, runtimeVersion);
        return labels;
    }
}
