package io.datapipelines.kubernetes;

import java.time.Duration;

/**
 * How an apply proceeds after the objects are written.
 *
 * @param await        wait for the rollout to complete
 * @param timeout      how long to wait
 * @param autoRollback when the rollout fails, re-apply the revision that was live before (as a new revision)
 * @param historyMax   how many revisions to keep in the cluster (the oldest are deleted)
 */
public record RolloutPolicy(boolean await, Duration timeout, boolean autoRollback, int historyMax) {
    public RolloutPolicy {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the rollout timeout must be positive, not " + timeout);
        }
        if (historyMax < 1) {
            throw new IllegalArgumentException("the history must keep at least 1 revision, not " + historyMax);
        }
    }

    public static RolloutPolicy noWait() {
        return new RolloutPolicy(false, Duration.ofMinutes(5), false, 10);
    }
}
