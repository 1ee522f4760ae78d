package io.datapipelines.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.kubernetes.DeploymentId;
import io.datapipelines.kubernetes.Revision;
import io.datapipelines.kubernetes.RevisionHistory;
import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.diff.DiffInput;
import io.datapipelines.runtime.diff.DiffReport;
import io.datapipelines.runtime.diff.DiffThresholds;
import io.datapipelines.runtime.diff.PipelineComparison;
import io.datapipelines.runtime.shadow.ShadowSettings;
import io.datapipelines.runtime.shadow.ShadowDifference;
import io.datapipelines.runtime.shadow.ShadowSummary;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.datapipelines.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy --shadow} against fabric8's mock API server (CRUD only: no controller runs the shadow's pods), with
 * the shadow's summaries coming from a real broker: the test writes them as the shadow does ({@link ShadowSummary},
 * over a real {@link PipelineComparison} of the live and the new definition) once the shadow Deployment exists.
 */
@EnableKubernetesMockClient(crud = true)
class ShadowDeployTest {
    private static final Path EXAMPLE = Path.of("../examples/orders-cleanup.yaml");
    private static final String IMAGE_A = "registry.example.com/pipelines/orders-cleanup@sha256:" + "a".repeat(64);
    private static final String IMAGE_B = "registry.example.com/pipelines/orders-cleanup@sha256:" + "b".repeat(64);
    private static final String NS = "pipelines";
    private static final DeploymentId LIVE = new DeploymentId("orders-cleanup", "prod", NS);
    private static final String SHADOW = "orders-cleanup-prod-shadow";
    private static EmbeddedKafka kafka;

    KubernetesClient client;
    @TempDir
    Path dir;
    private Path kubeconfig;
    private Path changed;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                users:
                - name: deployer
                  user: {token: not-a-real-token}
                contexts:
                - name: mock
                  context: {cluster: mock, user: deployer}
                current-context: mock
                """.formatted(client.getConfiguration().getMasterUrl()));
        changed = dir.resolve("orders-cleanup.yaml"); // a revision that changes a rounding rule
        Files.writeString(changed, Files.readString(EXAMPLE).replace("config: {precision: 2}", "config: {precision: 0}"));
    }

    private CliTest.Run deploy(Path definition, String image, String... more) {
        List<String> args = new ArrayList<>(List.of("deploy", definition.toString(), "--image", image, "--deployment", "prod",
                "--namespace", NS, "--kubeconfig", kubeconfig.toString(), "--bootstrap-servers", kafka.bootstrapServers(), "--partitions", "3"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private static String image(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    /** Once the shadow Deployment exists: its summary over these source values, as the shadow writes it. */
    private CompletableFuture<Deployment> shadowReports(Path newDefinition, String... amounts) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                Deployment shadow;
                while ((shadow = deployment(SHADOW)) == null) {
                    if (System.nanoTime() > until) {
                        throw new AssertionError("no shadow Deployment within 60 s");
                    }
                    Thread.sleep(50);
                }
                PipelineDefinition live = new DefinitionParser().parse(EXAMPLE);
                PipelineDefinition candidate = new DefinitionParser().parse(newDefinition);
                DiffReport report;
                List<io.datapipelines.runtime.diff.RecordDiff> differences = new java.util.ArrayList<>();
                try (PipelineComparison comparison = new PipelineComparison(live, candidate)) {
                    for (int i = 0; i < amounts.length; i++) {
                        String value = "{\"id\":\"o-" + i + "\",\"country\":\"DE\",\"email\":\"a@example.com\",\"name\":\"A\",\"amount\":" + amounts[i]
                                + ",\"status\":\"PAID\",\"internal_note\":\"\"}";
                        io.datapipelines.runtime.diff.RecordDiff diff = comparison.compare(new DiffInput("orders/0@" + i,
                                ("o-" + i).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8), Map.of(), null));
                        if (diff.outcome() != io.datapipelines.runtime.diff.Outcome.UNCHANGED) {
                            differences.add(diff);
                        }
                    }
                    report = comparison.report();
                }
                String topic = ShadowSettings.diffTopic(live, "prod");
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                    for (io.datapipelines.runtime.diff.RecordDiff diff : differences) { // the samples, then the summary, as the shadow writes them
                        producer.send(new ProducerRecord<>(topic, diff.inputId(), ShadowDifference.toJson(live.name(), "prod", diff, Instant.now()))).get();
                        // another deployment's shadow on the same topic: never in this one's sample
                        producer.send(new ProducerRecord<>(topic, diff.inputId(), ShadowDifference.toJson(live.name(), "staging", diff, Instant.now()))).get();
                    }
                    producer.send(new ProducerRecord<>(topic, ShadowSummary.KEY,
                            ShadowSummary.toJson(live.name(), "prod", report, DiffThresholds.NONE_ALLOWED, false, Instant.now()))).get();
                }
                return shadow;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aCleanShadowIsPromotedAndTheShadowRemoved() throws Exception {
        assertThat(deploy(EXAMPLE, IMAGE_A).exitCode()).isZero();
        String group = "datapipelines-orders-cleanup-prod-shadow";
        try (org.apache.kafka.clients.admin.Admin admin = kafka.admin()) { // an earlier shadow's offsets
            if (!admin.listTopics().names().get().contains("orders")) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("orders", 1, (short) 1))).all().get();
            }
            admin.alterConsumerGroupOffsets(group, Map.of(new org.apache.kafka.common.TopicPartition("orders", 0),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(0))).all().get();
            assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()).isNotEmpty();
        }
        CompletableFuture<Deployment> shadow = shadowReports(EXAMPLE, "1.25", "2", "3.5", "4");
        CliTest.Run run = deploy(EXAMPLE, IMAGE_B, "--shadow", "--shadow-records", "4", "--shadow-timeout", "60s", "--output", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(image(shadow.get(5, TimeUnit.SECONDS))).isEqualTo(IMAGE_B);
        assertThat(run.err()).contains("shadow: 4 record(s) compared: 0 changed (0%)").contains("promoting " + IMAGE_B);
        assertThat(image(deployment("orders-cleanup-prod"))).isEqualTo(IMAGE_B);
        List<Revision> history = new RevisionHistory(client, LIVE).list();
        assertThat(history).extracting(Revision::number).containsExactly(1, 2);
        assertThat(history.get(1).image()).isEqualTo(IMAGE_B);
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("revision").asInt()).isEqualTo(2);
        assertThat(result.get("shadow").get("within").asBoolean()).isTrue();
        assertThat(result.get("shadow").get("summary").get("total").asLong()).isEqualTo(4);
        assertShadowRemoved();
        assertThat(run.err()).contains("deleted the consumer group " + group + " of an earlier shadow");
        try (org.apache.kafka.clients.admin.Admin admin = kafka.admin()) { // the new shadow starts at the end of the source
            assertThat(admin.listConsumerGroups().all().get()).noneMatch(g -> g.groupId().equals(group));
        }
    }

    @Test
    void aChangedShadowIsAbortedLeavingTheLiveRevisionUntouched() throws Exception {
        assertThat(deploy(EXAMPLE, IMAGE_A).exitCode()).isZero();
        Deployment before = deployment("orders-cleanup-prod");
        CompletableFuture<Deployment> shadow = shadowReports(changed, "1.25", "2", "3.5", "4");
        CliTest.Run run = deploy(changed, IMAGE_B, "--shadow", "--shadow-records", "4", "--shadow-timeout", "60s");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(shadow.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(run.out()).contains("shadow: 4 record(s) compared: 2 changed (50%), 0 new dead letter(s) (0%)")
                .contains("shadow: beyond the thresholds: 2 of 4 records (50%) changed, dropped or emitted only by NEW: more than the allowed 0%")
                .contains("orders-cleanup/prod in namespace pipelines: shadow-aborted, revision 1 (" + IMAGE_A + ") stays live");
        // the sampled differences say which records and what changed
        assertThat(run.out().lines().filter(line -> line.startsWith("shadow: for example "))).hasSize(2);
        // in diff's words for a field change (FieldChange.describe), as docs/shadow.md shows them
        assertThat(run.out().lines()).contains("shadow: for example orders/0@0 changed: value.amount: 1.25 -> 1.0",
                "shadow: for example orders/0@2 changed: value.amount: 3.5 -> 4.0");
        assertThat(run.err()).contains("datapipelines: shadow of orders-cleanup/prod");
        Deployment after = deployment("orders-cleanup-prod");
        assertThat(after.getSpec()).isEqualTo(before.getSpec());
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
        assertThat(new RevisionHistory(client, LIVE).list()).extracting(Revision::number).containsExactly(1);
        assertShadowRemoved();

        // The same change within a threshold given on the command line is promoted.
        shadowReports(changed, "1.25", "2", "3.5", "4");
        CliTest.Run allowed = deploy(changed, IMAGE_B, "--shadow", "--shadow-records", "4", "--shadow-timeout", "60s",
                "--shadow-max-changed-rate", "0.5", "--output", "json");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        JsonNode sample = new ObjectMapper().readTree(allowed.out()).get("shadow").get("summary").get("records");
        assertThat(sample).hasSize(2); // this deployment's two, not the other shadow's
        assertThat(sample.get(0).get("input").asText()).isEqualTo("orders/0@0");
        assertThat(sample.get(0).get("outcome").asText()).isEqualTo("changed");
        assertThat(sample.get(0).get("changes").get(0).get("path").asText()).isEqualTo("value.amount");
        assertThat(sample.get(0).has("pipeline")).isFalse();
        assertThat(image(deployment("orders-cleanup-prod"))).isEqualTo(IMAGE_B);
        assertShadowRemoved();
    }

    @Test
    void aShadowWithoutASummaryInTimeIsAbortedAndRemoved() throws Exception {
        assertThat(deploy(EXAMPLE, IMAGE_A).exitCode()).isZero();
        // A summary already on the diff topic (an earlier shadow's) does not count.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            kafka.createTopics(1, List.of(SHADOW));
            String stale = "{\"type\":\"summary\",\"pipeline\":\"orders-cleanup\",\"deployment\":\"prod\",\"at\":\"2026-01-01T00:00:00Z\","
                    + "\"final\":true,\"total\":100000,\"counts\":{\"unchanged\":100000}}";
            producer.send(new ProducerRecord<>(SHADOW, ShadowSummary.KEY, stale)).get();
        } catch (java.util.concurrent.ExecutionException e) {
            // the topic may exist from another test: the stale summary is what matters
        }
        CliTest.Run run = deploy(EXAMPLE, IMAGE_B, "--shadow", "--shadow-records", "4", "--shadow-timeout", "3s", "--output", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("status").asText()).isEqualTo("shadow-aborted");
        assertThat(result.get("revision").asInt()).isEqualTo(1);
        assertThat(result.get("shadow").get("violations").get(0).asText()).isEqualTo("no summary from the shadow within 3s");
        assertThat(run.err()).contains("removing the shadow of orders-cleanup/prod");
        assertThat(image(deployment("orders-cleanup-prod"))).isEqualTo(IMAGE_A);
        assertShadowRemoved();
    }

    @Test
    void theFirstDeployHasNothingToShadowAndDeploysNormally() {
        CliTest.Run run = deploy(EXAMPLE, IMAGE_A, "--shadow", "--shadow-timeout", "3s");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("no live revision of orders-cleanup/prod in namespace pipelines to compare with: deploying without a shadow");
        assertThat(image(deployment("orders-cleanup-prod"))).isEqualTo(IMAGE_A);
        assertShadowRemoved();
    }

    private void assertShadowRemoved() {
        assertThat(deployment(SHADOW)).isNull();
        assertThat(client.network().v1().networkPolicies().inNamespace(NS).withName(SHADOW).get()).isNull();
        assertThat(client.configMaps().inNamespace(NS).withName(SHADOW + "-live").get()).isNull();
    }

    @Test
    void badThresholdFlagsAreExitTwoNamingTheFlag() {
        CliTest.Run rate = deploy(EXAMPLE, IMAGE_B, "--shadow", "--shadow-max-changed-rate", "1.5");
        assertThat(rate.exitCode()).isEqualTo(2);
        assertThat(rate.err()).contains("datapipelines: --shadow-max-changed-rate must be a rate between 0 and 1 (such as 0.001), not 1.5");
        CliTest.Run records = deploy(EXAMPLE, IMAGE_B, "--shadow", "--shadow-records", "0");
        assertThat(records.exitCode()).isEqualTo(2);
        assertThat(records.err()).contains("datapipelines: --shadow-records must be at least 1, not 0");
        assertThat(deployment("orders-cleanup-prod")).isNull();
    }

    /** Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status), which a process it starts inherits. */
    private static boolean sigintIgnored() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false; // not Linux: no way to tell here
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    /** Ctrl-C while the CLI waits for the shadow's summary: the shutdown hook removes the shadow; the live revision stays. */
    @Test
    void ctrlCWhileWaitingRemovesTheShadow() throws Exception {
        // A build started in the background by a non-interactive shell inherits SIGINT ignored, and so would the CLI: a
        // Ctrl-C could not reach it, and the test would only see it not stop. Say so instead.
        assertThat(sigintIgnored()).as("SIGINT is ignored in this process (started in the background without job control, e.g."
                + " `cmd &` in a script): run the build in the foreground, or with `set -m`, for the Ctrl-C test").isFalse();
        assertThat(deploy(EXAMPLE, IMAGE_A).exitCode()).isZero();
        Path log = dir.resolve("cli.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DataPipelinesCommand.class.getName(),
                "deploy", EXAMPLE.toString(), "--image", IMAGE_B, "--deployment", "prod", "--namespace", NS,
                "--kubeconfig", kubeconfig.toString(), "--bootstrap-servers", kafka.bootstrapServers(), "--partitions", "3",
                "--shadow", "--shadow-records", "4", "--shadow-timeout", "5m"));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (deployment(SHADOW) == null) {
                assertThat(cli.isAlive()).as("the CLI runs: %s", Files.exists(log) ? Files.readString(log) : "").isTrue();
                assertThat(System.nanoTime()).as("a shadow Deployment within 90 s").isLessThan(until);
                Thread.sleep(100);
            }
            Thread.sleep(500); // past the start, waiting for summaries
            new ProcessBuilder("kill", "-INT", String.valueOf(cli.pid())).start().waitFor();
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("the CLI stops on SIGINT").isTrue();
        } finally {
            cli.destroyForcibly();
        }
        assertThat(Files.readString(log)).contains("removing the shadow of orders-cleanup/prod");
        assertShadowRemoved();
        assertThat(image(deployment("orders-cleanup-prod"))).isEqualTo(IMAGE_A);
        assertThat(new RevisionHistory(client, LIVE).list()).extracting(Revision::number).containsExactly(1);
    }
}
