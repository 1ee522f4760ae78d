package io.datapipelines.cli;

import io.datapipelines.kubernetes.PipelineUndeployer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code datapipelines undeploy}: removes a pipeline deployment from the cluster. */
@Command(name = "undeploy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Deletes a pipeline deployment's Deployment, autoscaler, PodDisruptionBudget",
                "and NetworkPolicy, and its revision history unless --keep-history. Its Kafka",
                "consumer group and offsets stay (a later deploy resumes from them).",
                "Exit codes: 0 removed, 1 nothing to remove or cluster operation failed,",
                "2 invalid flags."})
final class UndeployCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DeploymentTargetOptions target;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--keep-history", description = "Keep the revision history (a later 'rollback' can bring a revision back).")
    boolean keepHistory;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return KubernetesCalls.onDeployment(target, cluster, err, (client, id) -> {
            if (!new PipelineUndeployer(client, err::println).undeploy(id, keepHistory)) {
                err.println("datapipelines: not found: nothing of " + id + " to remove");
                return ExitCodes.FAILED;
            }
            out.println("undeployed " + id + (keepHistory ? " (history kept)" : ""));
            out.flush();
            return ExitCodes.OK;
        });
    }
}
