package io.datapipelines.cli;

import io.datapipelines.kubernetes.RolloutPolicy;
import picocli.CommandLine.Option;

import java.time.Duration;

/** How deploy and rollback proceed after applying: wait, for how long, roll back on failure, how much history to keep. */
final class RolloutOptions {
    @Option(names = "--wait", description = "Wait for the rollout to complete; on failure say why and roll back.")
    boolean await;

    @Option(names = "--timeout", defaultValue = "5m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--no-rollback", description = "With --wait: leave a failed rollout as it is instead of rolling back.")
    boolean noRollback;

    @Option(names = "--history-max", defaultValue = "10", paramLabel = "N", description = "Revisions kept in the cluster (default: ${DEFAULT-VALUE}).")
    int historyMax;

    RolloutPolicy policy() {
        return new RolloutPolicy(await, timeout, !noRollback, historyMax);
    }
}
