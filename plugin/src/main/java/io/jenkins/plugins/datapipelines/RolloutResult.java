package io.jenkins.plugins.datapipelines;

/**
 * {@code datapipelines deploy --output json}: where it went, the Kubernetes revision it became and the rollout's
 * state.
 */
public record RolloutResult(String namespace, String deployment, int revision, String image, int minReplicas, int maxReplicas,
                            String status) {
}
