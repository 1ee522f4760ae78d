package io.datapipelines.kubernetes;

/**
 * A revision with the manifests it applied (what a rollback to it re-applies) and the canonical definition it
 * ran ({@code definition}, JSON; null for revisions recorded before the history kept it): what a shadow of
 * this revision runs as the live side.
 */
public record StoredRevision(Revision revision, PipelineManifests manifests, String definition) {
    public StoredRevision(Revision revision, PipelineManifests manifests) {
        this(revision, manifests, null);
    }
}
