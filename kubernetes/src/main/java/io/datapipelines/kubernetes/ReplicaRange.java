package io.datapipelines.kubernetes;

/** The replica bounds a pipeline deployment runs with (after the partition cap). */
public record ReplicaRange(int min, int max) {
    public ReplicaRange {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("replicas need 1 <= min <= max, not min " + min + ", max " + max);
        }
    }

    /** Whether an autoscaler has anything to decide. */
    public boolean autoscaled() {
        return max > min;
    }
}
