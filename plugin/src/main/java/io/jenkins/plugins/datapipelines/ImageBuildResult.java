package io.jenkins.plugins.datapipelines;

/** {@code datapipelines build --output json}: the image pushed, by digest, for a definition revision. */
public record ImageBuildResult(ImageReference image, String revisionHash, String pipeline) {
}
