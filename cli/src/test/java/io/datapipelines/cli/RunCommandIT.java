package io.datapipelines.cli;

import io.datapipelines.runtime.codec.JsonCodec;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start, {@code datapipelines run examples/orders-cleanup.yaml --embedded --input
 * examples/orders-cleanup.ndjson --until-idle 3}: an in-process broker, the real runtime, the sample
 * orders produced, and every sink and dead-letter record printed as committed; then it stops by itself.
 */
class RunCommandIT {
    private static final Path EXAMPLES = Path.of("../examples");

    @Test
    @SuppressWarnings("unchecked")
    void runEmbeddedPrintsTheSinkAndDeadLetterRecordsAndStopsWhenIdle() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DataPipelinesCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "run", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--embedded",
                "--input", EXAMPLES.resolve("orders-cleanup.ndjson").toString(), "--until-idle", "3");

        assertThat(code).as("exit code; stderr:%n%s", err).isZero();
        assertThat(err.toString()).contains("Starting an embedded Kafka broker...")
                .contains("Produced 5 record(s) from " + EXAMPLES.resolve("orders-cleanup.ndjson") + " to orders")
                .contains("No new records for 3 s: stopping")
                .doesNotContain("Exception");
        // Partitions follow from the keys; offsets depend on where transaction markers fall, so they are left out.
        List<Object> printed = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            Map<String, Object> record = (Map<String, Object>) JsonCodec.fromJson(line);
            assertThat(record.remove("offset")).as("offset of " + line).isInstanceOf(Long.class);
            printed.add(record);
        }
        assertThat(printed).containsExactlyInAnyOrder(
                JsonCodec.fromJson("{\"topic\":\"orders-clean\",\"partition\":0,\"key\":\"o-1\",\"value\":{\"country\":\"DE\",\"email\":\""
                        + sha256("ada@example.com") + "\",\"amount\":10.5,\"status\":\"paid\",\"order_id\":\"o-1\"}}"),
                JsonCodec.fromJson("{\"topic\":\"orders-clean\",\"partition\":2,\"key\":\"o-5\",\"value\":{\"country\":\"NL\",\"email\":\""
                        + sha256("eve@example.com") + "\",\"amount\":7.0,\"status\":\"shipped\",\"order_id\":\"o-5\"},"
                        + "\"headers\":{\"traceparent\":\"00-abc-01\"}}"),
                JsonCodec.fromJson("{\"topic\":\"orders-cleanup-dlq\",\"partition\":1,\"key\":\"o-3\",\"value\":{\"id\":\"o-3\",\"country\":\"FR\","
                        + "\"email\":\"bob@example.com\",\"name\":\"Bob\",\"amount\":\"n/a\",\"status\":\"PAID\",\"internal_note\":\"\"},"
                        + "\"headers\":{\"datapipelines.error.step\":\"steps[0].fields[amount]\",\"datapipelines.error.class\":\"ValueError\","
                        + "\"datapipelines.error.message\":\"could not convert string to float: 'n/a'\",\"datapipelines.source.topic\":\"orders\","
                        + "\"datapipelines.source.partition\":\"1\",\"datapipelines.source.offset\":\"0\"}}"),
                JsonCodec.fromJson("{\"topic\":\"orders-cleanup-dlq\",\"partition\":1,\"key\":\"o-4\",\"valueRaw\":\"{this is not json\","
                        + "\"headers\":{\"datapipelines.error.step\":\"source.value\",\"datapipelines.error.class\":\"JSONDecodeError\","
                        + "\"datapipelines.error.message\":\"the value is not valid JSON: Unexpected character ('t' (code 116)): was expecting "
                        + "double-quote to start field name (at byte 1)\",\"datapipelines.source.topic\":\"orders\","
                        + "\"datapipelines.source.partition\":\"1\",\"datapipelines.source.offset\":\"1\"}}"));
    }

    @Test
    void theEndpointsListenOnThisMachineOnlyUnlessToldOtherwise() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DataPipelinesCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "run", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--embedded", "--http-port", "0",
                "--input", EXAMPLES.resolve("orders-cleanup.ndjson").toString(), "--until-idle", "2");
        assertThat(code).as("exit code; stderr:%n%s", err).isZero();
        assertThat(err.toString()).containsPattern("Health and metrics on http://127\\.0\\.0\\.1:[1-9][0-9]*/metrics")
                .containsPattern("Kafka at localhost:[0-9]+ \\(embedded\\)");
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
