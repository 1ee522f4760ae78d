package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

import java.util.List;

/**
 * Where a Deployment's rollout stands, judged from its status the way {@code kubectl rollout status}
 * judges it: the controller must have seen the latest spec (observedGeneration), every replica must run
 * the new pod template (updatedReplicas), old ones must be gone, and the new ones available; a Progressing
 * condition with reason ProgressDeadlineExceeded means it gave up.
 */
public record RolloutCheck(State state, String message) {

    public enum State { IN_PROGRESS, COMPLETE, FAILED }

    public static RolloutCheck of(Deployment deployment) {
        long generation = deployment.getMetadata().getGeneration() == null ? 0 : deployment.getMetadata().getGeneration();
        DeploymentStatus status = deployment.getStatus();
        Long observed = status == null ? null : status.getObservedGeneration();
        if (observed == null || observed < generation) {
            return new RolloutCheck(State.IN_PROGRESS, "waiting for the Deployment controller to pick up generation " + generation);
        }
        for (DeploymentCondition condition : status.getConditions() == null ? List.<DeploymentCondition>of() : status.getConditions()) {
            if ("Progressing".equals(condition.getType()) && "ProgressDeadlineExceeded".equals(condition.getReason())) {
                Integer deadline = deployment.getSpec().getProgressDeadlineSeconds();
                return new RolloutCheck(State.FAILED, "no progress within the progress deadline"
                        + (deadline == null ? "" : " (" + deadline + " s)") + ": " + condition.getMessage());
            }
        }
        int desired = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        int updated = orZero(status.getUpdatedReplicas());
        int total = orZero(status.getReplicas());
        int available = orZero(status.getAvailableReplicas());
        if (updated < desired) {
            return new RolloutCheck(State.IN_PROGRESS, updated + " of " + desired + " new replicas updated");
        }
        if (total > updated) {
            return new RolloutCheck(State.IN_PROGRESS, (total - updated) + " old replica(s) pending termination");
        }
        if (available < updated) {
            return new RolloutCheck(State.IN_PROGRESS, available + " of " + updated + " updated replicas available");
        }
        return new RolloutCheck(State.COMPLETE, available + " of " + desired + " replicas available, all on the new revision");
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
