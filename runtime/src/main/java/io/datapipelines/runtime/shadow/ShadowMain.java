package io.datapipelines.runtime.shadow;

import io.datapipelines.runtime.app.PipelineHealth;
import io.datapipelines.runtime.topology.RecordProgress;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.app.FirstRecordLog;
import io.datapipelines.runtime.app.HealthServer;
import io.datapipelines.runtime.topology.PipelineMetrics;
import io.datapipelines.runtime.app.KafkaSettings;
import io.datapipelines.runtime.app.PipelineTopics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's shadow mode ({@code --shadow-of LIVE}, same image and entrypoint): checks the topics,
 * serves /healthz, /readyz and /metrics, and runs a {@link ShadowRunner} until SIGTERM.
 */
public final class ShadowMain {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowMain.class);

    private ShadowMain() {
    }

    /**
     * @return the process exit code: 0 after a clean stop, 1 when Kafka fails, 2 for missing topics or a busy port
     */
    public static int run(PipelineDefinition live, PipelineDefinition candidate, KafkaSettings kafka, ShadowSettings settings,
                          String httpAddress, int httpPort, boolean createTopics, int partitions, Duration shutdownTimeout)
            throws InterruptedException {
        String diffTopic = ShadowSettings.diffTopic(live, settings.deployment());
        try (Admin admin = Admin.create(kafka.toProperties())) {
            ensureTopics(admin, live.spec().source().topics(), diffTopic, createTopics, partitions);
        } catch (IllegalStateException e) {
            LOG.error("{}", e.getMessage());
            return 2;
        } catch (java.util.concurrent.TimeoutException | ExecutionException e) {
            LOG.error("Cannot reach the Kafka cluster at {} to check the topics: {}", kafka.bootstrapServers(),
                    e.getCause() == null ? e.toString() : e.getCause().getMessage());
            return 1;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("pipeline", live.name(), "deployment", settings.deployment());
        new JvmMemoryMetrics().bindTo(registry);
        // "First record read after N ms", as the runtime logs it: how soon a shadow compares (and what the benchmarks time from)
        try (ShadowRunner runner = new ShadowRunner(live, candidate, kafka, settings, registry, new FirstRecordLog(PipelineMetrics.NONE))) {
            HealthServer http;
            try {
                // The shadow tracks no per-record progress (the user code's own time limit bounds each call), so
                // its health is the streams' state alone.
                http = new HealthServer(httpAddress, httpPort, new PipelineHealth(runner::state,
                        new RecordProgress(), PipelineHealth.DEFAULT_STALL_THRESHOLD),
                        registry);
            } catch (IOException e) {
                LOG.error("Cannot serve /healthz, /readyz and /metrics on port {}: {}", httpPort, e.getMessage());
                return 2;
            }
            Thread hook = new Thread(() -> {
                try {
                    runner.stop(shutdownTimeout);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "datapipelines-shadow-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                runner.run();
                return 0;
            } catch (RuntimeException e) {
                LOG.error("Shadow failed: {}", e.toString());
                return 1;
            } finally {
                http.close();
            }
        }
    }

    /** The live revision's source topics must exist; the diff topic is created with --create-topics. */
    public static void ensureTopics(Admin admin, List<String> sources, String diffTopic, boolean create, int partitions)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> missing = new ArrayList<>();
        for (String topic : sources) {
            if (!existing.contains(topic)) {
                missing.add(topic);
            }
        }
        if (!missing.isEmpty() && !create) {
            throw new IllegalStateException("source topic(s) " + String.join(", ", missing) + " do not exist on the Kafka cluster");
        }
        if (!existing.contains(diffTopic)) {
            missing.add(diffTopic);
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!create) {
            throw new IllegalStateException("the diff topic " + diffTopic + " does not exist on the Kafka cluster; create it, or start with --create-topics");
        }
        try {
            admin.createTopics(missing.stream().map(t -> new NewTopic(t, Optional.of(partitions), Optional.empty())).toList())
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        PipelineTopics.awaitLeaders(admin, missing, Duration.ofSeconds(30));
    }
}
