package io.datapipelines.kubernetes;

import io.datapipelines.model.Durations;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Waits for a Deployment's rollout ({@link RolloutCheck}) by polling its status, printing a progress line
 * whenever it changes, until it completes, fails, or the timeout passes. Polling rather than a watch: it
 * survives API server restarts and proxies that cut long connections, and costs one GET per interval.
 */
public final class RolloutWaiter {
    private final KubernetesClient client;
    private final Duration interval;

    public RolloutWaiter(KubernetesClient client, Duration interval) {
        this.client = client;
        this.interval = interval;
    }

    public RolloutOutcome await(DeploymentId id, Duration timeout, Consumer<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (true) {
            Deployment deployment = ApiErrors.call("read Deployment " + id.resourceName(), id.namespace(),
                    () -> client.apps().deployments().inNamespace(id.namespace()).withName(id.resourceName()).get());
            if (deployment == null) {
                return new RolloutOutcome(false, "the Deployment " + id.resourceName() + " was deleted during the rollout", List.of());
            }
            RolloutCheck check = RolloutCheck.of(deployment);
            if (!check.message().equals(last)) {
                progress.accept("rollout: " + check.message());
                last = check.message();
            }
            switch (check.state()) {
                case COMPLETE:
                    return RolloutOutcome.success();
                case FAILED:
                    return new RolloutOutcome(false, check.message(), new RolloutDiagnosis(client).explain(id));
                default:
                    break;
            }
            if (System.nanoTime() >= deadline) {
                return new RolloutOutcome(false, "the rollout did not finish within " + Durations.format(timeout) + " (" + last + ")",
                        new RolloutDiagnosis(client).explain(id));
            }
            try {
                Thread.sleep(Math.min(interval.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new RolloutOutcome(false, "interrupted while waiting for the rollout", List.of());
            }
        }
    }
}
