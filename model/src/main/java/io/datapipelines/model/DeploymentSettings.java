package io.datapipelines.model;

import java.util.Map;

/**
 * {@code spec.deployment}: replicas, autoscaling and container resources. {@code lagThreshold} is null
 * unless set (then a KEDA ScaledObject is used instead of a HorizontalPodAutoscaler). Resource maps hold
 * Kubernetes quantities by resource name ({@code cpu}, {@code memory}).
 */
public record DeploymentSettings(
        int minReplicas,
        int maxReplicas,
        int cpuUtilization,
        Long lagThreshold,
        Map<String, String> requests,
        Map<String, String> limits) {
    public DeploymentSettings {
        requests = Map.copyOf(requests);
        limits = Map.copyOf(limits);
    }
}
