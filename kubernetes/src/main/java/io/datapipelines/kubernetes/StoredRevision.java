package io.datapipelines.kubernetes;

/** A revision with the manifests it applied: what a rollback to it re-applies. */
public record StoredRevision(Revision revision, PipelineManifests manifests) {
}
