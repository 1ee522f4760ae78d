package io.datapipelines.cli;

import io.datapipelines.kubernetes.ApiErrors;
import io.datapipelines.kubernetes.KubernetesFailure;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Runs a command's cluster work, turning failures into one line and an exit code (1 cluster, 2 input). */
final class KubernetesCalls {
    private KubernetesCalls() {
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
