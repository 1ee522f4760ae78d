package io.datapipelines.kubernetes;

import io.datapipelines.model.DeploymentSettings;

import java.util.Optional;

/**
 * Caps replicas at the source partition count: Kafka Streams gives each partition of the source topics to
 * one task, so replicas beyond the partition count sit idle (and still cost memory and a rebalance).
 */
public final class PartitionCap {

    /** The capped range, and a warning for the user when the definition asked for more. */
    public record Result(ReplicaRange replicas, Optional<String> warning) {
    }

    private PartitionCap() {
    }

    /**
     * @param partitions the source partition count (for several source topics, the largest: that is how
     *                   many tasks Kafka Streams creates), or null when unknown (then nothing is capped)
     */
    public static Result apply(DeploymentSettings settings, Integer partitions) {
        int min = settings.minReplicas();
        int max = settings.maxReplicas();
        if (partitions == null || max <= partitions) {
            return new Result(new ReplicaRange(min, max), Optional.empty());
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("the partition count must be at least 1, not " + partitions);
        }
        int cappedMin = Math.min(min, partitions);
        String warning = "spec.deployment.replicas: max " + max + (cappedMin < min ? " and min " + min : "")
                + " capped at " + partitions + ", the source partition count: more replicas would sit idle";
        return new Result(new ReplicaRange(cappedMin, partitions), Optional.of(warning));
    }
}
