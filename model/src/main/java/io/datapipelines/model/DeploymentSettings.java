package io.datapipelines.model;

import java.util.Map;

/**
 * {@code spec.deployment}: replicas, autoscaling and container resources. {@code lagThreshold} is null
 * unless set (then a KEDA ScaledObject is used instead of a HorizontalPodAutoscaler). Resource maps hold
 * Kubernetes quantities by resource name ({@code cpu}, {@code memory}). {@code shadow} is null unless the
 * definition sets {@code spec.deployment.shadow} (then {@link #shadowThresholds()} gives the defaults): kept
 * null so that definitions without it keep the canonical form, and so the revision hash, they had.
 */
public record DeploymentSettings(
        int minReplicas,
        int maxReplicas,
        int cpuUtilization,
        Long lagThreshold,
        Map<String, String> requests,
        Map<String, String> limits,
        ShadowThresholds shadow) {
    public DeploymentSettings {
        requests = Map.copyOf(requests);
        limits = Map.copyOf(limits);
    }

    public DeploymentSettings(int minReplicas, int maxReplicas, int cpuUtilization, Long lagThreshold,
                              Map<String, String> requests, Map<String, String> limits) {
        this(minReplicas, maxReplicas, cpuUtilization, lagThreshold, requests, limits, null);
    }

    /** The definition's shadow thresholds, or {@link ShadowThresholds#DEFAULTS}. */
    public ShadowThresholds shadowThresholds() {
        return shadow == null ? ShadowThresholds.DEFAULTS : shadow;
    }
}
