package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * {@code datapipelines deploy --output json}: where it went, the Kubernetes revision it became (0 for a dry run) and
 * the rollout's state ({@code dry-run} for a dry run).
 *
 * @param manifests a dry run's manifests (a Kubernetes List, as indented JSON, for the build log); null otherwise
 */
public record RolloutResult(String namespace, String deployment, int revision, String image, int minReplicas, int maxReplicas,
                            String status, @CheckForNull String manifests) {
    public static final String DRY_RUN = "dry-run";
}
