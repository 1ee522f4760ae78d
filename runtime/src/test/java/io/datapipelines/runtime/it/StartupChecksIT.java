package io.datapipelines.runtime.it;

import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.embedded.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the runtime checks before it starts processing, and the exit codes and messages when a check fails. */
class StartupChecksIT {
    @RegisterExtension
    @Order(1)
    static final ForkedProcesses PROCESSES = new ForkedProcesses();

    @RegisterExtension
    @Order(2)
    static final KafkaBrokerExtension<EmbeddedKafka> KAFKA = KafkaBrokerExtension.embedded();

    @RegisterExtension
    @Order(3)
    static final TopicClient TOPICS = TopicClient.of(KAFKA);

    @Test
    void missingTopicsAreAClearErrorWithExitCodeTwo() throws Exception {
        TOPICS.create(3, "startup-in");
        RuntimeProcess runtime = runtime("startup").build(PROCESSES).start();
        assertThat(runtime.awaitExit(Duration.ofSeconds(120))).as("exit code").isEqualTo(2);
        assertThat(runtime.log()).contains("ERROR PipelineMain - topic(s) startup-out, startup-dlq do not exist on the Kafka cluster; "
                + "create them, fix the definition, or start with --create-topics");
        assertNoStackTrace(runtime);
        assertThat(TOPICS.admin().listTopics().names().get(60, TimeUnit.SECONDS)).doesNotContain("startup-out", "startup-dlq");
    }

    @Test
    void createTopicsCreatesTheMissingOnesAndRuns() throws Exception {
        RuntimeProcess runtime = runtime("created").argument("--create-topics", "--partitions", "3").build(PROCESSES).start();
        runtime.awaitReady(Duration.ofSeconds(120));
        Map<String, TopicDescription> created = TOPICS.admin().describeTopics(List.of("created-in", "created-out", "created-dlq"))
                .allTopicNames().get(60, TimeUnit.SECONDS);
        assertThat(created.values()).extracting(d -> d.partitions().size()).containsExactly(3, 3, 3);

        TOPICS.produce("created-in", NumberedRecords.inputs(10));
        try (TopicReader reader = TOPICS.reader("created-out")) {
            TOPICS.awaitCommittedToEnd("datapipelines-created-it", "created-in", Duration.ofSeconds(60), runtime);
            reader.readToEnd(Duration.ofSeconds(60));
            Delivery.of("created-out", reader.records("created-out")).assertExactlyOnce(NumberedRecords.expectedSink(10).keySet());
        }
    }

    @Test
    void anInvalidDefinitionIsReportedWithItsLineAndExitCodeTwo() throws Exception {
        Path definition = Files.writeString(PROCESSES.workDir().resolve("broken.yaml"),
                NumberedRecords.definition("broken", "exactly-once").replace("key: uppercase", "key: uppercasee"));
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers()).build(PROCESSES).start();
        assertThat(runtime.awaitExit(Duration.ofSeconds(120))).as("exit code").isEqualTo(2);
        assertThat(runtime.log()).contains(definition + ":12:33: spec.steps[0].fields.name.transform.key: unknown transform 'uppercasee'; did you mean 'uppercase'?");
        assertNoStackTrace(runtime);
    }

    @Test
    void anUnreachableClusterIsReportedWithExitCodeOne() throws Exception {
        Path definition = Files.writeString(PROCESSES.workDir().resolve("nowhere.yaml"), NumberedRecords.definition("nowhere", "exactly-once"));
        String nowhere = "localhost:" + FreePort.find();
        RuntimeProcess runtime = RuntimeProcess.builder(definition, nowhere)
                .env("KAFKA_REQUEST_TIMEOUT_MS", "3000").env("KAFKA_DEFAULT_API_TIMEOUT_MS", "5000").build(PROCESSES).start();
        assertThat(runtime.awaitExit(Duration.ofSeconds(120))).as("exit code").isEqualTo(1);
        assertThat(runtime.log()).contains("ERROR PipelineMain - Cannot reach the Kafka cluster at " + nowhere + " to check the topics");
        assertNoStackTrace(runtime);
    }

    @Test
    void anInvalidKafkaSettingIsReportedWithExitCodeTwo() throws Exception {
        TOPICS.create(3, "badsetting-in", "badsetting-out", "badsetting-dlq");
        RuntimeProcess runtime = runtime("badsetting").env("KAFKA_SESSION_TIMEOUT_MS", "soon").build(PROCESSES).start();
        assertThat(runtime.awaitExit(Duration.ofSeconds(120))).as("exit code").isEqualTo(2);
        assertThat(runtime.log()).contains("ERROR PipelineMain - Invalid Kafka setting (from the KAFKA_* environment variables): "
                + "Invalid value soon for configuration session.timeout.ms: Not a number of type INT");
        assertNoStackTrace(runtime);
    }

    @Test
    void aBusyHttpPortIsReportedWithExitCodeTwo() throws Exception {
        TOPICS.create(3, "busyport-in", "busyport-out", "busyport-dlq");
        try (ServerSocket taken = new ServerSocket(0)) {
            RuntimeProcess runtime = runtime("busyport").httpPort(taken.getLocalPort()).build(PROCESSES).start();
            assertThat(runtime.awaitExit(Duration.ofSeconds(120))).as("exit code").isEqualTo(2);
            assertThat(runtime.log()).contains("ERROR PipelineMain - Cannot serve /healthz, /readyz and /metrics on 0.0.0.0 port " + taken.getLocalPort()
                    + ": Address already in use (set --http-port or DATAPIPELINES_HTTP_PORT)");
            assertNoStackTrace(runtime);
        }
    }

    @Test
    void aStepWhoseCodeRaisesAtImportStopsAtOnceInOneLineWithExitCodeTwo() throws Exception {
        TOPICS.create(3, "badcode-in", "badcode-out", "badcode-dlq");
        String text = NumberedRecords.definition("badcode", "exactly-once");
        String defLine = text.lines().filter(l -> l.contains("def transform(record):")).findFirst().orElseThrow();
        String indent = defLine.substring(0, defLine.indexOf("def"));
        text = text.replace(defLine, indent + "RATES = {}\n" + indent + "RATE = RATES['EUR']\n" + defLine);
        int line = text.lines().toList().indexOf(indent + "RATE = RATES['EUR']") + 1;
        Path definition = Files.writeString(PROCESSES.workDir().resolve("badcode.yaml"), text);
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers()).build(PROCESSES).start();
        assertThat(runtime.awaitExit(Duration.ofSeconds(120))).as("exit code").isEqualTo(2);
        assertThat(runtime.log()).contains("ERROR PipelineMain - Pipeline cannot start: KeyError: 'EUR' (at " + definition + ":" + line
                + ", in spec.steps[1].transform)");
        assertNoStackTrace(runtime);
        assertThat(runtime.jvm().starts()).isEqualTo(1);
    }

    @Test
    void aStepThatCannotLoadIsReportedWithoutWaitingForTheTopicCheck() throws Exception {
        // the topics are checked while the steps load: a cluster that never answers must not hold up (nor replace) the
        // step's error; waiting for the check first would end in exit code 1 after the client's 60 s
        String text = NumberedRecords.definition("badcode-nowhere", "exactly-once");
        String defLine = text.lines().filter(l -> l.contains("def transform(record):")).findFirst().orElseThrow();
        String indent = defLine.substring(0, defLine.indexOf("def"));
        Path definition = Files.writeString(PROCESSES.workDir().resolve("badcode-nowhere.yaml"),
                text.replace(defLine, indent + "RATE = {}['EUR']\n" + defLine));
        RuntimeProcess runtime = RuntimeProcess.builder(definition, "localhost:" + FreePort.find())
                .env("KAFKA_DEFAULT_API_TIMEOUT_MS", "60000").build(PROCESSES).start();
        assertThat(runtime.awaitExit(Duration.ofSeconds(120))).as("exit code").isEqualTo(2);
        assertThat(runtime.log()).contains("ERROR PipelineMain - Pipeline cannot start: KeyError: 'EUR'").doesNotContain("Cannot reach the Kafka cluster");
        assertNoStackTrace(runtime);
    }

    @Test
    void aSyntaxErrorIsReportedAtItsLineByTheLoadWithExitCodeTwo() throws Exception {
        // the runtime does not compile the code while reading the definition (a second Python context): loading it says the same
        String text = NumberedRecords.definition("syntax", "exactly-once");
        String defLine = text.lines().filter(l -> l.contains("def transform(record):")).findFirst().orElseThrow();
        int line = text.lines().toList().indexOf(defLine) + 1;
        TOPICS.create(3, "syntax-in", "syntax-out", "syntax-dlq");
        Path definition = Files.writeString(PROCESSES.workDir().resolve("syntax.yaml"), text.replace(defLine, defLine.replace("(record):", "(record)")));
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers()).build(PROCESSES).start();
        assertThat(runtime.awaitExit(Duration.ofSeconds(120))).as("exit code").isEqualTo(2);
        assertThat(runtime.log()).contains("ERROR PipelineMain - Pipeline cannot start: SyntaxError: expected ':' (at " + definition + ":" + line + ", in spec.steps[1].transform)");
        assertNoStackTrace(runtime);
    }

    private static RuntimeProcess.Builder runtime(String name) throws Exception {
        Path definition = Files.writeString(PROCESSES.workDir().resolve(name + ".yaml"), NumberedRecords.definition(name, "exactly-once"));
        return RuntimeProcess.builder(definition, KAFKA.bootstrapServers());
    }

    private static void assertNoStackTrace(RuntimeProcess runtime) {
        assertThat(runtime.log()).doesNotContain("\tat ").doesNotContain("Exception:");
    }
}
