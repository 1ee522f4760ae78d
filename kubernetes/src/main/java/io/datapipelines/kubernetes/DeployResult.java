package io.datapipelines.kubernetes;

import java.util.List;

/**
 * What a deploy or rollback did, as the CLI reports it ({@code --output json}).
 *
 * @param revision  the revision now live (after an automatic rollback: the rollback's revision)
 * @param image     the image now live
 * @param status    {@code applied}, {@code deployed}, {@code unchanged}, {@code failed} or {@code rolled-back}
 * @param failure   why the rollout failed, or null
 * @param diagnosis what the pods and events said when it failed
 */
public record DeployResult(DeploymentId id, int revision, String image, ReplicaRange replicas, String status, String failure,
                           List<String> diagnosis) {
    public static final String APPLIED = "applied";
    public static final String DEPLOYED = "deployed";
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";
    public static final String ROLLED_BACK = "rolled-back";

    public DeployResult {
        diagnosis = List.copyOf(diagnosis);
    }

    public boolean succeeded() {
        return !FAILED.equals(status) && !ROLLED_BACK.equals(status);
    }
}
