package io.datapipelines.kubernetes;

/**
 * A pipeline deployment as it runs now.
 *
 * @param state     {@code available} (rollout complete), {@code progressing}, {@code failed} (past its progress
 *                  deadline) or {@code not-deployed}
 * @param message   the rollout's state in words
 * @param replicas  the replica bounds of the live revision (null when not deployed)
 * @param autoscaler {@code HorizontalPodAutoscaler}, {@code ScaledObject} or {@code none}
 */
public record PipelineStatus(DeploymentId id, int revision, String image, ReplicaRange replicas, int desired, int updated,
                             int ready, int available, String state, String message, String autoscaler) {
    public static final String AVAILABLE = "available";
    public static final String PROGRESSING = "progressing";
    public static final String FAILED = "failed";
    public static final String NOT_DEPLOYED = "not-deployed";

    public boolean isAvailable() {
        return AVAILABLE.equals(state);
    }
}
