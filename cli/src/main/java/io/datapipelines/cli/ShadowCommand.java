package io.datapipelines.cli;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.app.KafkaSettings;
import io.datapipelines.runtime.diff.DiffReport;
import io.datapipelines.runtime.shadow.ShadowMain;
import io.datapipelines.runtime.shadow.ShadowRunner;
import io.datapipelines.runtime.shadow.ShadowSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/** {@code datapipelines shadow}: the shadow runtime mode, run locally against Kafka for N records or a while. */
@Command(name = "shadow", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the shadow runtime mode locally: reads OLD's source topics with a consumer group of its own",
                "(datapipelines-PIPELINE-DEPLOYMENT-shadow), runs each record through OLD and NEW side by side,",
                "writes nothing to the sink, and writes sampled differences and summaries to",
                "PIPELINE-DEPLOYMENT-shadow. Stops after --records N or --duration D, then prints the report as",
                "diff does. See docs/shadow.md.",
                "Exit codes: 0 within the thresholds, 1 beyond them or Kafka failed, 2 invalid input or missing topics."})
final class ShadowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Revisions revisions = new Revisions();

    @Option(names = "--records", paramLabel = "N", description = "Stop after N source records.")
    Long records;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class, description = "Stop after this long (such as 15m).")
    Duration duration;

    @Option(names = "--deployment", defaultValue = "local", paramLabel = "NAME",
            description = "The deployment the shadow is of: names its consumer group and diff topic (default: ${DEFAULT-VALUE}).")
    String deployment;

    @Option(names = "--from", defaultValue = "latest", paramLabel = "latest|earliest",
            description = "Where a new shadow consumer group starts reading (default: ${DEFAULT-VALUE}; afterwards, where it stopped).")
    String from;

    @Mixin
    KafkaClientOptions kafkaOptions = new KafkaClientOptions();

    @Option(names = "--create-topics", description = "Create the diff topic if it is missing.")
    boolean createTopics;

    @Option(names = "--summary-interval", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often a summary goes to the diff topic (default: ${DEFAULT-VALUE}).")
    Duration summaryInterval;

    @Mixin
    DiffReportOptions reportOptions = new DiffReportOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ShadowSettings settings;
        KafkaSettings kafka;
        try {
            if (records == null && duration == null) {
                throw new IllegalArgumentException("give --records N or --duration D (or both): a local shadow stops by itself");
            }
            if (!from.equals("latest") && !from.equals("earliest")) {
                throw new IllegalArgumentException("--from must be latest or earliest, not " + from);
            }
            reportOptions.requireShowNotNegative();
            settings = ShadowSettings.builder(io.datapipelines.kubernetes.KubernetesNames.requireDnsLabel(deployment, "deployment name"))
                    .startFrom(from.equals("earliest") ? ShadowSettings.StartFrom.EARLIEST : ShadowSettings.StartFrom.LATEST)
                    .maxRecords(records == null ? 0 : records)
                    .maxDuration(duration)
                    .summaryInterval(summaryInterval)
                    .thresholds(reportOptions.thresholds())
                    .build();
            if (records != null && records < 1) {
                throw new IllegalArgumentException("--records must be at least 1, not " + records);
            }
            kafka = kafkaOptions.settings(System.getenv(), "shadow");
        } catch (IllegalArgumentException e) {
            err.println("datapipelines: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        Revisions.Loaded loaded = revisions.load(err);
        if (loaded == null) {
            return ExitCodes.INVALID;
        }
        PipelineDefinition oldDefinition = loaded.oldDefinition();
        PipelineDefinition newDefinition = loaded.newDefinition();
        try (Admin admin = Admin.create(kafka.toProperties())) {
            ShadowMain.ensureTopics(admin, oldDefinition.spec().source().topics(), ShadowSettings.diffTopic(oldDefinition, deployment), createTopics, 1);
        } catch (IllegalStateException e) {
            err.println("datapipelines: " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (java.util.concurrent.TimeoutException | ExecutionException | KafkaException e) {
            err.println("datapipelines: cannot reach Kafka at " + kafka.bootstrapServers() + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
            return ExitCodes.FAILED;
        }
        err.println("shadow of " + oldDefinition.name() + "/" + deployment + ": reading " + String.join(", ", oldDefinition.spec().source().topics())
                + " as consumer group " + ShadowSettings.consumerGroup(oldDefinition, deployment) + ", differences to "
                + ShadowSettings.diffTopic(oldDefinition, deployment));
        err.flush();
        DiffReport result;
        try (ShadowRunner runner = new ShadowRunner(oldDefinition, newDefinition, kafka, settings, null)) {
            // Ctrl-C: the shadow stops, writes its final summary and the report is printed.
            Thread hook = new Thread(() -> {
                try {
                    runner.stop(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "datapipelines-shadow-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                result = runner.run();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already stopping: the hook is running
                }
            }
        } catch (KafkaException e) {
            err.println("datapipelines: Kafka failed: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        return reportOptions.print(result, settings.thresholds(), revisions, revisions.title() + " (shadow)", out);
    }
}
