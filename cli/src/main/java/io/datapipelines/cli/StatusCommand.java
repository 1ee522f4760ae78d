package io.datapipelines.cli;

import io.datapipelines.kubernetes.PipelineStatus;
import io.datapipelines.kubernetes.StatusReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code datapipelines status}: how a pipeline deployment runs now. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows a pipeline deployment's live revision, image, replicas and rollout state",
                "(available, progressing, failed or not-deployed).",
                "Exit codes: 0 available, 1 not available, not deployed, or cluster operation",
                "failed, 2 invalid flags."})
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DeploymentTargetOptions target;

    @Mixin
    ClusterOptions cluster;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return KubernetesCalls.onDeployment(target, cluster, err, (client, id) -> {
            PipelineStatus status = new StatusReader(client).read(id);
            if (output == OutputFormat.json) {
                out.println(DeploymentJson.of(status));
            } else if (PipelineStatus.NOT_DEPLOYED.equals(status.state())) {
                out.println(status.message());
            } else {
                out.println(id + ": " + status.state() + " (" + status.message() + ")");
                out.println("  revision   " + status.revision());
                out.println("  image      " + status.image());
                out.println("  replicas   " + status.desired() + " desired, " + status.updated() + " updated, " + status.ready() + " ready, "
                        + status.available() + " available; bounds " + status.replicas().min() + ".." + status.replicas().max()
                        + " (" + status.autoscaler() + ")");
            }
            out.flush();
            return status.isAvailable() ? ExitCodes.OK : ExitCodes.FAILED;
        });
    }
}
