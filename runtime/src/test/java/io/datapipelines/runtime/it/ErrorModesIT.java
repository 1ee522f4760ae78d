package io.datapipelines.runtime.it;

import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.embedded.KafkaBrokerExtension;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison records (bad JSON, a Python exception, a wrong type for a built-in) in the modes the
 * dead-letter end-to-end test does not cover: {@code skip} drops them and goes on; {@code fail}
 * stops the pipeline with exit code 1 without committing past the failing record, again after a
 * restart.
 */
class ErrorModesIT {
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
    void skipModeDropsPoisonRecordsAndKeepsGoing() throws Exception {
        int records = 3_000;
        TOPICS.create(3, "skip-in", "skip-out");
        Map<String, Object> expected = NumberedRecords.expectedSink(records);
        Set<String> poison = NumberedRecords.expectedDeadLetters(records).keySet();
        assertThat(poison).hasSize(9);

        Path definition = Files.writeString(PROCESSES.workDir().resolve("skip.yaml"), NumberedRecords.definition("skip", "exactly-once", "skip"));
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers()).build(PROCESSES).start();
        runtime.awaitReady(Duration.ofSeconds(120));
        TOPICS.produce("skip-in", NumberedRecords.inputs(records));
        try (TopicReader reader = TOPICS.reader("skip-out")) {
            TOPICS.awaitCommittedToEnd("datapipelines-skip-it", "skip-in", Duration.ofSeconds(120), runtime);
            reader.readToEnd(Duration.ofSeconds(60));
            Delivery sink = Delivery.of("skip-out", reader.records("skip-out"));
            sink.assertExactlyOnce(expected.keySet());
            sink.assertValues(expected);
        }
        PrometheusScrape metrics = runtime.metrics();
        assertThat(metrics.sum("datapipelines_records_skipped_total")).isEqualTo(9);
        assertThat(metrics.sum("datapipelines_record_errors_total")).isEqualTo(9);
        assertThat(metrics.has("datapipelines_records_dead_lettered_total") ? metrics.sum("datapipelines_records_dead_lettered_total") : 0).isZero();
        assertThat(runtime.isAlive()).isTrue();
        String log = runtime.log();
        assertThat(log.lines().filter(line -> line.contains("Skipped record skip-in-"))).hasSize(9);
        assertThat(log).contains(": ZeroDivisionError in steps[1]: integer division or modulo by zero")
                .contains(": JSONDecodeError in source.value: the value is not valid JSON")
                .contains(": TypeError in steps[0].fields[amount]: type str doesn't define __round__ method");
        // Never the records' contents: they may hold personal data.
        assertThat(log).doesNotContain("item 250").doesNotContain("\"r-000500\"");
    }

    @Test
    void failModeStopsWithExitCodeOneAndCommitsNothingPastTheFailingRecord() throws Exception {
        TOPICS.create(3, "fail-in", "fail-out");
        // Records 1..400 into partition 0, in order: record 250 (offset 249) raises ZeroDivisionError in Python.
        List<TopicClient.Input> inputs = NumberedRecords.inputs(400).stream().map(input -> input.toPartition(0)).toList();
        List<RecordMetadata> positions = TOPICS.produce("fail-in", inputs);
        assertThat(positions.get(249).offset()).isEqualTo(249);
        TopicPartition partition = new TopicPartition("fail-in", 0);

        Path definition = Files.writeString(PROCESSES.workDir().resolve("fail.yaml"), NumberedRecords.definition("fail", "exactly-once", "fail"));
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers()).build(PROCESSES).start();
        assertThat(runtime.awaitExit(Duration.ofSeconds(120))).as("exit code").isEqualTo(1);
        assertThat(runtime.log()).contains("Pipeline failed: record fail-in-0@249 failed in steps[1]: ZeroDivisionError: integer division or modulo by zero");

        long committed = TOPICS.committedOffsets("datapipelines-fail-it", "fail-in").getOrDefault(partition, 0L);
        assertThat(committed).as("committed offset of the failing partition").isLessThanOrEqualTo(249);
        try (TopicReader reader = TOPICS.reader("fail-out")) {
            reader.readToEnd(Duration.ofSeconds(60));
            // Exactly the records below the committed offset made it; none at or after the failing one.
            Set<String> belowCommitted = new TreeSet<>();
            NumberedRecords.expectedSink((int) committed).keySet().forEach(belowCommitted::add);
            Delivery.of("fail-out", reader.records("fail-out")).assertExactlyOnce(belowCommitted);

            // Restarted (as Kubernetes would), it stops at the same record again: nothing is skipped.
            runtime.start();
            assertThat(runtime.awaitExit(Duration.ofSeconds(120))).as("exit code after a restart").isEqualTo(1);
            assertThat(runtime.log().split("start #2", 2)[1]).contains("Pipeline failed: record fail-in-0@249 failed in steps[1]");
            assertThat(TOPICS.committedOffsets("datapipelines-fail-it", "fail-in").getOrDefault(partition, 0L)).isLessThanOrEqualTo(249);
            reader.readToEnd(Duration.ofSeconds(60));
            Set<String> beforePoison = NumberedRecords.expectedSink(249).keySet();
            assertThat(reader.records("fail-out")).extracting(OutputRecord::key).allMatch(beforePoison::contains);
        }
    }
}
