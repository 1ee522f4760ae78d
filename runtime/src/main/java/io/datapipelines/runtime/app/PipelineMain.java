package io.datapipelines.runtime.app;

import io.datapipelines.runtime.python.PythonEngines;
import io.datapipelines.runtime.topology.PreloadedSteps;
import io.datapipelines.runtime.step.CompiledPipeline;
import io.datapipelines.runtime.step.StepStartupException;
import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.InvalidDefinitionException;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.model.Problem;
import io.datapipelines.runtime.step.CompiledPipeline;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the container runs: one pipeline deployment against a Kafka cluster, with health and metrics
 * endpoints, until SIGTERM (then it stops within the grace period, committing what it processed) or a
 * fatal error (then it exits non-zero and Kubernetes restarts it from the last commit).
 *
 * <p>Kafka settings come from the environment (see {@link KafkaSettings}); everything else from flags,
 * each with a {@code DATAPIPELINES_*} environment default.
 */
@Command(name = "datapipelines-runtime", mixinStandardHelpOptions = true,
        description = "Runs a data pipeline against Kafka. Kafka client settings come from KAFKA_* environment variables.")
public final class PipelineMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineMain.class);

    /** Where images put the canonical definition. */
    public static final String IMAGE_DEFINITION = "/app/pipeline/pipeline.json";

    @Option(names = "--definition", defaultValue = "${env:DATAPIPELINES_DEFINITION:-" + IMAGE_DEFINITION + "}",
            description = "The definition file (default: ${DEFAULT-VALUE}).")
    Path definitionFile;

    @Option(names = "--deployment", defaultValue = "${env:DATAPIPELINES_DEPLOYMENT:-default}",
            description = "The deployment name: part of the application.id, so deployments of one pipeline are independent (default: ${DEFAULT-VALUE}).")
    String deployment;

    @Option(names = "--bootstrap-server", description = "Kafka bootstrap servers (default: KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServer;

    @Option(names = "--http-port", defaultValue = "${env:DATAPIPELINES_HTTP_PORT:-8080}",
            description = "Port of /healthz, /readyz and /metrics; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-address", defaultValue = "${env:DATAPIPELINES_HTTP_ADDRESS:-0.0.0.0}",
            description = "Address of /healthz, /readyz and /metrics: all interfaces in a pod, where the kubelet probes the pod's IP (default: ${DEFAULT-VALUE}).")
    String httpAddress;

    @Option(names = "--stall-timeout", defaultValue = "${env:DATAPIPELINES_STALL_TIMEOUT:-PT2M}",
            description = "/healthz fails when a stream thread has been on one record for longer than this ISO-8601 duration;"
                    + " keep it above the per-record time limit for user code (default: ${DEFAULT-VALUE}).")
    Duration stallTimeout;

    @Option(names = "--state-dir", defaultValue = "${env:DATAPIPELINES_STATE_DIR:-${sys:java.io.tmpdir}/datapipelines}",
            description = "The one writable directory, for Kafka Streams state (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--threads", defaultValue = "${env:DATAPIPELINES_THREADS:-1}", description = "Stream threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--create-topics", description = "Create missing source, sink and dead-letter topics instead of failing.")
    boolean createTopics;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of topics created with --create-topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--shutdown-timeout", defaultValue = "${env:DATAPIPELINES_SHUTDOWN_TIMEOUT:-PT25S}",
            description = "How long a shutdown may take, as an ISO-8601 duration; keep it below the pod's grace period (default: ${DEFAULT-VALUE}).")
    Duration shutdownTimeout;

    @Option(names = "--shadow-of", defaultValue = "${env:DATAPIPELINES_SHADOW_OF}", paramLabel = "LIVE_DEFINITION",
            description = {"Shadow mode: compare the live revision in this file with --definition (the candidate) on the live",
                    "source, writing nothing to the sink; differences and summaries go to <pipeline>-<deployment>-shadow",
                    "(see docs/shadow.md)."})
    Path shadowOf;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PipelineMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } catch (KafkaException e) {
            ConfigException invalid = invalidSetting(e);
            if (invalid == null) {
                throw e;
            }
            LOG.error("Invalid Kafka setting (from the KAFKA_* environment variables): {}", invalid.getMessage());
            return 2;
        }
    }

    /** The invalid setting behind a Kafka client's failure to start, if that is what it was. */
    private static ConfigException invalidSetting(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException config) {
                return config;
            }
        }
        return null;
    }

    private int run() throws Exception {
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            LOG.error("--stall-timeout (DATAPIPELINES_STALL_TIMEOUT) must be positive, not {}", stallTimeout);
            return 2;
        }
        PipelineDefinition definition = loadDefinition(definitionFile);
        if (definition == null) {
            return 2;
        }
        KafkaSettings kafka = KafkaSettings.fromEnvironment(System.getenv());
        if (bootstrapServer != null) {
            kafka = kafka.with("bootstrap.servers", bootstrapServer);
        }
        if (kafka.bootstrapServers() == null || kafka.bootstrapServers().isBlank()) {
            LOG.error("No Kafka cluster given: set KAFKA_BOOTSTRAP_SERVERS (or --bootstrap-server)");
            return 2;
        }
        LOG.info("Pipeline {} ({}), deployment {}, Kafka: {}", definition.name(), definition.spec().processing().guarantee().yamlName(),
                deployment, kafka.describe());
        if (!kafka.ignored().isEmpty()) {
            LOG.info("Not Kafka client settings, so ignored: {}", String.join(", ", kafka.ignored()));
        }
        if (shadowOf != null) {
            try {
                PreloadedSteps.load(definition).close(); // the shadow runs each revision's processor itself: loaded to fail fast
            } catch (StepStartupException e) {
                LOG.error("Pipeline cannot start: {}", e.getMessage());
                return 2;
            }
            PipelineDefinition live = loadDefinition(shadowOf);
            return live == null ? 2 : io.datapipelines.runtime.shadow.ShadowMain.run(live, definition, kafka,
                    io.datapipelines.runtime.shadow.ShadowSettings.builder(deployment).build(), httpAddress, httpPort, createTopics, partitions, shutdownTimeout);
        }
        // Every step's code is loaded before Kafka Streams starts: a step that cannot load stops the pipeline before
        // it reads anything, in one line. The load runs while the topics are checked and the rest is set up (CPU
        // against network and class loading); what it loaded is kept for the first stream task.
        PreloadedSteps preloaded = CompiledPipeline.usesPython(definition) ? PreloadedSteps.loadInBackground(definition) : PreloadedSteps.none();
        try {
            return run(definition, kafka, preloaded);
        } catch (StepStartupException e) {
            LOG.error("Pipeline cannot start: {}", e.getMessage());
            return 2;
        } finally {
            preloaded.close();
        }
    }

    /** The check's result; what it threw (an invalid Kafka setting: call() says which) as it was thrown. */
    private static StartupProblem join(CompletableFuture<StartupProblem> check) {
        try {
            return check.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Completes when the load has failed (and never when it ends well). */
    private static CompletableFuture<Void> failureOf(PreloadedSteps preloaded) {
        CompletableFuture<Void> failed = new CompletableFuture<>();
        preloaded.whenLoaded().whenComplete((ignored, e) -> {
            if (e != null) {
                failed.complete(null);
            }
        });
        return failed;
    }

    /** What stops the start-up, said once the steps have loaded (a step that cannot load is said first). */
    private record StartupProblem(int exitCode, String message) {
    }

    /** Checks (or creates) the pipeline's topics; null, or what is wrong. */
    private StartupProblem ensureTopics(PipelineDefinition definition, KafkaSettings kafka) {
        try (Admin admin = Admin.create(kafka.toProperties())) {
            PipelineTopics.ensure(admin, definition, createTopics, partitions);
            return null;
        } catch (IllegalStateException e) {
            return new StartupProblem(2, e.getMessage());
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return new StartupProblem(1, "Cannot reach the Kafka cluster at " + kafka.bootstrapServers() + " to check the topics: "
                    + (e.getCause() == null ? e.toString() : e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StartupProblem(1, "Interrupted while checking the topics");
        }
    }

    /** @throws StepStartupException when a step cannot load (said before any other start-up failure but an invalid setting) */
    private int run(PipelineDefinition definition, KafkaSettings kafka, PreloadedSteps preloaded) throws Exception {
        CompletableFuture<StartupProblem> topics = CompletableFuture.supplyAsync(() -> ensureTopics(definition, kafka), runnable -> {
            Thread t = new Thread(runnable, "datapipelines-topics");
            t.setDaemon(true);
            t.start();
        });
        CompletableFuture<Void> loadFailed = failureOf(preloaded);
        Files.createDirectories(stateDir);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("pipeline", definition.name(), "deployment", deployment);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        PipelineRunner runner = new PipelineRunner(definition, deployment, kafka, stateDir, threads,
                new FirstRecordLog(new MicrometerPipelineMetrics(registry)), preloaded);
        // Kafka's own metrics, looked up again every 10 s (Micrometer's default is a minute), so that the
        // per-partition consumer lag of newly assigned partitions shows soon after a rebalance.
        ScheduledExecutorService metricsRefresh = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "datapipelines-metrics");
            t.setDaemon(true);
            return t;
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(runner.streams(), Tags.empty(), metricsRefresh, Duration.ofSeconds(10));
        streamsMetrics.bindTo(registry);
        HealthServer http;
        try {
            http = new HealthServer(httpAddress, httpPort, new PipelineHealth(runner::state, runner::processing, runner.progress(), stallTimeout), registry);
        } catch (IOException e) {
            runner.close(shutdownTimeout);
            preloaded.awaitLoaded(); // a step that cannot load is said first
            LOG.error("Cannot serve /healthz, /readyz and /metrics on {} port {}: {} (set --http-port or DATAPIPELINES_HTTP_PORT)",
                    httpAddress, httpPort, e.getMessage());
            return 2;
        }
        LOG.info("Health and metrics on {} port {}", httpAddress, http.port());
        StartupProblem topicsProblem;
        try {
            // a step that cannot load is said first, without waiting for a check of a cluster that may never answer
            CompletableFuture.anyOf(topics, loadFailed).join();
            if (preloaded.failed()) {
                preloaded.awaitLoaded();
            }
            topicsProblem = join(topics);
            if (topicsProblem != null) {
                preloaded.awaitLoaded();
            }
        } catch (RuntimeException e) {
            http.close();
            runner.close(shutdownTimeout);
            throw e;
        }
        if (topicsProblem != null) {
            http.close();
            runner.close(shutdownTimeout);
            LOG.error("{}", topicsProblem.message());
            return topicsProblem.exitCode();
        }

        // SIGTERM (or Ctrl-C) starts the JVM's shutdown: the hook wakes this thread, which stops the
        // pipeline, then the hook ends the JVM with the stop's own exit code. Without that, the JVM
        // would report 143 (128 + SIGTERM) even after a clean stop.
        CompletableFuture<Void> stopRequested = new CompletableFuture<>();
        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.complete(null);
            int code;
            try {
                code = exitCode.get(shutdownTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.error("Did not stop within {}", shutdownTimeout);
                code = 1;
            }
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }, "datapipelines-shutdown"));

        // Kafka Streams starts while the steps may still load: it joins the group and fetches meanwhile, and the
        // runner holds processing until they have loaded (PipelineRunner#start).
        runner.start();
        CompletableFuture.anyOf(stopRequested, runner.whenStopped(), preloaded.whenLoaded()).exceptionally(e -> null).join();
        boolean cannotLoad = preloaded.failed();
        int code;
        if (cannotLoad) {
            runner.close(shutdownTimeout); // not one record was processed; call() says why, after the clean-up below
            code = 2;
        } else {
            if (!preloaded.loading() && CompiledPipeline.usesGraalPy(definition)) {
                // Says whether the Graal JIT runs Python (a version mismatch falls back silently). The engine is the one
                // the steps were loaded on, so this costs nothing more.
                TruffleRuntimeReport python = TruffleRuntimeReport.of(PythonEngines.graalPyTruffleEngine());
                python.log(LOG);
                python.bindTo(registry);
            }
            CompletableFuture.anyOf(stopRequested, runner.whenStopped()).join();
            code = stopped(runner, stopRequested);
        }
        streamsMetrics.close();
        metricsRefresh.shutdownNow();
        gc.close();
        http.close();
        exitCode.complete(code);
        if (cannotLoad) {
            preloaded.awaitLoaded(); // throws what the load threw: call() says it in one line
        }
        return code;
    }

    /** Why the pipeline stopped (a failure, a stop requested, or neither), said; the exit code. */
    private int stopped(PipelineRunner runner, CompletableFuture<Void> stopRequested) {
        if (runner.failure() != null) {
            LOG.error("Pipeline failed: {}", runner.failure().getMessage());
            runner.close(shutdownTimeout);
            return 1;
        } else if (stopRequested.isDone()) {
            LOG.info("Stopping: committing processed records (at most {})", shutdownTimeout);
            boolean clean = runner.close(shutdownTimeout);
            if (clean) {
                LOG.info("Stopped cleanly");
            } else {
                LOG.error("Stop timed out after {}", shutdownTimeout);
            }
            return clean ? 0 : 1;
        }
        LOG.error("Pipeline stopped unexpectedly (state {})", runner.state());
        return 1;
    }

    /**
     * Reads the definition without compiling its Python: the steps are loaded right after (PreloadedSteps), which
     * compiles the same code and reports the same errors at their lines, and compiling first would make a second
     * Python context (about 4 s of GraalPy's start-up). `datapipelines validate` and `deploy` check the code before a
     * definition reaches an image.
     */
    private PipelineDefinition loadDefinition(Path definitionFile) {
        try {
            return new DefinitionParser(null).parse(definitionFile);
        } catch (NoSuchFileException e) {
            LOG.error("{}: no such file (set --definition or DATAPIPELINES_DEFINITION)", definitionFile);
        } catch (InvalidDefinitionException e) {
            for (Problem problem : e.problems()) {
                LOG.error("{}", problem);
            }
        } catch (IOException e) {
            LOG.error("{}: cannot read the definition: {}", definitionFile, e.getMessage());
        }
        return null;
    }
}
