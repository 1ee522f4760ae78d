package io.datapipelines.cli;

import io.datapipelines.kubernetes.Revision;
import io.datapipelines.kubernetes.RevisionHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code datapipelines history}: the numbered revisions of a pipeline deployment. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the revisions of a pipeline deployment, oldest first: number, time,",
                "status, replicas, definition revision hash, image and cause.",
                "Exit codes: 0 listed (even if empty), 1 cluster operation failed, 2 invalid flags."})
final class HistoryCommand implements Callable<Integer> {

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
            List<Revision> revisions = new RevisionHistory(client, id).list();
            if (output == OutputFormat.json) {
                out.println(DeploymentJson.history(revisions));
            } else if (revisions.isEmpty()) {
                out.println("no revisions of " + id);
            } else {
                out.println(String.format("%-8s  %-20s  %-10s  %-8s  %-12s  %s", "REVISION", "TIME", "STATUS", "REPLICAS", "DEFINITION", "IMAGE / CAUSE"));
                for (Revision r : revisions) {
                    out.println(String.format("%-8d  %-20s  %-10s  %-8s  %-12s  %s%s", r.number(), r.time().toString().replaceAll("\\.\\d+Z$", "Z"),
                            r.status().label(), r.replicas().min() + ".." + r.replicas().max(), r.revisionHash().substring(0, 12), r.image(),
                            r.cause() == null ? "" : "  (" + r.cause() + ")"));
                }
            }
            out.flush();
            return ExitCodes.OK;
        });
    }
}
