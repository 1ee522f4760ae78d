package io.datapipelines.cli;

import io.datapipelines.kubernetes.ApplyStamp;
import io.datapipelines.kubernetes.DeployResult;
import io.datapipelines.kubernetes.PipelineDeployer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code datapipelines rollback}: re-applies an earlier revision as a new one (Helm's semantics); builds nothing. */
@Command(name = "rollback", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-applies revision N of a pipeline deployment (its image and manifests, as",
                "recorded) as a new revision. No image is built and no definition is read.",
                "Exit codes: 0 rolled back, 1 rollout or cluster operation failed, 2 no such",
                "revision or invalid flags."})
final class RollbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DeploymentTargetOptions target;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--to-revision", required = true, paramLabel = "N", description = "The revision to go back to (see 'history').")
    int revision;

    @Mixin
    RolloutOptions rollout;

    @Option(names = "--cause", paramLabel = "TEXT", description = "Why (default: 'rollback to revision N').")
    String cause;

    @Option(names = "--build-url", paramLabel = "URL", description = "The URL of the build that rolls back.")
    String buildUrl;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return KubernetesCalls.onDeployment(target, cluster, err, (client, id) -> {
            DeployResult result = new PipelineDeployer(client, err::println).rollback(id, revision, new ApplyStamp(0, cause, buildUrl), rollout.policy());
            return DeployReport.print(result, output, out, err);
        });
    }
}
