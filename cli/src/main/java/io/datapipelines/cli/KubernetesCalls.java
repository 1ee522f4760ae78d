package io.datapipelines.cli;

import io.datapipelines.kubernetes.ApiErrors;
import io.datapipelines.kubernetes.DeploymentId;
import io.datapipelines.kubernetes.KubernetesFailure;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Runs a command's cluster work, turning failures into one line and an exit code (1 cluster, 2 input). */
final class KubernetesCalls {
    private KubernetesCalls() {
    }

    /** What a command does with a connected client to the deployment its flags name. */
    @FunctionalInterface
    interface DeploymentWork {
        int run(KubernetesClient client, DeploymentId id) throws Exception;
    }

    /**
     * The shape of every command that acts on one existing deployment (history, status, rollback,
     * undeploy): the deployment from the flags (exit 2 when they name none), a client that is closed
     * whatever happens, and the work's failures as one line and an exit code.
     */
    static int onDeployment(DeploymentTargetOptions target, ClusterOptions cluster, PrintWriter err, DeploymentWork work) {
        DeploymentId id = target.resolve(cluster.namespace, err);
        if (id == null) {
            return ExitCodes.INVALID;
        }
        return run(err, () -> {
            try (KubernetesClient client = cluster.connect()) {
                return work.run(client, id);
            }
        });
    }

    static int run(PrintWriter err, Callable<Integer> work) {
        try {
            return work.call();
        } catch (KubernetesFailure e) {
            err.println("datapipelines: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (KubernetesClientException e) {
            err.println("datapipelines: " + ApiErrors.translate(e, "talk to the Kubernetes API", null).getMessage());
            return ExitCodes.FAILED;
        } catch (IllegalArgumentException e) {
            err.println("datapipelines: " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (Exception e) {
            err.println("datapipelines: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return ExitCodes.FAILED;
        } finally {
            err.flush();
        }
    }
}
