package io.jenkins.plugins.datapipelines;

/** {@code datapipelines validate --output json}: the pipeline's name and its canonical form with its hash. */
public record ValidationResult(String pipeline, String revisionHash, String canonicalDefinition) {
}
