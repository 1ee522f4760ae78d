package io.datapipelines.kubernetes;

import java.time.Instant;

/**
 * One entry of a deployment's history: what was applied (image, definition revision hash, replica
 * bounds, and the fingerprint of the manifests), when, why, and how it went.
 *
 * @param revisionHash the definition's full revision hash
 * @param fingerprint  {@link PipelineManifests#fingerprint()} of what was applied
 */
public record Revision(int number, String image, String revisionHash, ReplicaRange replicas, Instant time, String cause,
                       String buildUrl, RevisionStatus status, String fingerprint) {

    public Revision withStatus(RevisionStatus newStatus) {
        return new Revision(number, image, revisionHash, replicas, time, cause, buildUrl, newStatus, fingerprint);
    }
}
