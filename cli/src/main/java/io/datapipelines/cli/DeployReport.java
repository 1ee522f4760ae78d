package io.datapipelines.cli;

import io.datapipelines.kubernetes.DeployResult;

import java.io.PrintWriter;

/** Prints what a deploy or rollback did, and gives its exit code. */
final class DeployReport {
    private DeployReport() {
    }

    static int print(DeployResult result, OutputFormat output, PrintWriter out, PrintWriter err) {
        if (result.failure() != null) {
            err.println("datapipelines: " + result.failure());
        }
        if (output == OutputFormat.json) {
            out.println(DeploymentJson.of(result));
        } else {
            out.println(result.id().pipeline() + "/" + result.id().deployment() + " in namespace " + result.id().namespace() + ": "
                    + result.status() + ", revision " + result.revision() + ", " + result.image()
                    + ", replicas " + result.replicas().min() + ".." + result.replicas().max());
        }
        out.flush();
        return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
