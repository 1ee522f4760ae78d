package io.datapipelines.cli;

import io.datapipelines.runtime.codec.JsonCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The three commands end to end, on the shipped examples and on broken input. */
class CliTest {
    private static final Path EXAMPLES = Path.of("../examples");
    private static final Path INVALID = Path.of("../runtime/src/test/resources/invalid");

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DataPipelinesCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void validateAcceptsEveryExample() {
        Run run = run("validate", EXAMPLES.resolve("orders-cleanup.yaml").toString(), EXAMPLES.resolve("csv-to-json.yaml").toString(),
                EXAMPLES.resolve("order-fanout.yaml").toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("orders-cleanup.yaml: valid (pipeline orders-cleanup, revision ");
    }

    @Test
    void validateWithJsonOutputGivesTheCanonicalFormWhoseHashIsTheRevision() throws Exception {
        Run run = run("validate", "--output", "json", EXAMPLES.resolve("orders-cleanup.yaml").toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        com.fasterxml.jackson.databind.JsonNode result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(result.get("file").asText()).endsWith("orders-cleanup.yaml");
        assertThat(result.get("pipeline").asText()).isEqualTo("orders-cleanup");
        String canonical = result.get("canonical").asText();
        assertThat(canonical).startsWith("{\"apiVersion\":");
        assertThat(result.get("revisionHash").asText()).isEqualTo(sha256(canonical));
    }

    @Test
    void validateWithJsonOutputPrintsNothingOnStdoutForAnInvalidDefinition() {
        Run run = run("validate", "--output", "json", INVALID.resolve("unknown-builtin.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(":13:34: spec.steps[0].fields.email.transform.key: unknown transform 'hashh'");
    }

    @Test
    void validateNamesFileLineColumnAndPathAndExitsTwo() {
        Run run = run("validate", INVALID.resolve("unknown-builtin.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(INVALID.resolve("unknown-builtin.yaml")
                + ":13:34: spec.steps[0].fields.email.transform.key: unknown transform 'hashh'; did you mean 'hash'?");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validateReportsAMissingFileWithoutAStackTrace() {
        Run run = run("validate", "no-such-file.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("no-such-file.yaml: no such file");
    }

    @Test
    void testRunsEveryExamplesTests() {
        Run run = run("test", EXAMPLES.resolve("orders-cleanup.yaml").toString(), EXAMPLES.resolve("csv-to-json.yaml").toString(),
                EXAMPLES.resolve("order-fanout.yaml").toString());
        assertThat(run.out()).doesNotContain("FAIL").contains("PASS EU order is cleaned").contains("9 passed, 0 failed");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void testExitsOneWithADiffWhenATestFails(@TempDir Path dir) throws Exception {
        String text = Files.readString(EXAMPLES.resolve("orders-cleanup.yaml")).replace("status: paid}", "status: PAID}");
        Path file = dir.resolve("changed.yaml");
        Files.writeString(file, text);
        Run run = run("test", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL EU order is cleaned").contains("record 0 value.status: expected \"PAID\", got \"paid\"")
                .contains("2 passed, 1 failed");
    }

    @Test
    void previewPrintsSinkRecordsAndWritesDeadLetters(@TempDir Path dir) throws Exception {
        Path deadLetters = dir.resolve("dlq.ndjson");
        Run run = run("preview", EXAMPLES.resolve("orders-cleanup.yaml").toString(),
                "--input", EXAMPLES.resolve("orders-cleanup.ndjson").toString(), "--dead-letters", deadLetters.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "{\"key\":\"o-1\",\"value\":{\"country\":\"DE\",\"email\":\"b5fc85e55755f9e0d030a10ab4429b6b2944855f9a0d60077fe832becbc41d72\","
                        + "\"amount\":10.5,\"status\":\"paid\",\"order_id\":\"o-1\"}}",
                "{\"key\":\"o-5\",\"value\":{\"country\":\"NL\",\"email\":\"" + sha256("eve@example.com") + "\","
                        + "\"amount\":7.0,\"status\":\"shipped\",\"order_id\":\"o-5\"},\"headers\":{\"traceparent\":\"00-abc-01\"}}");
        List<String> dead = Files.readAllLines(deadLetters, StandardCharsets.UTF_8);
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0)).startsWith("{\"key\":\"o-3\",\"value\":{\"id\":\"o-3\"")
                .contains("\"datapipelines.error.step\":\"steps[0].fields[amount]\"")
                .contains("\"datapipelines.error.class\":\"ValueError\"");
        assertThat(dead.get(1)).startsWith("{\"key\":\"o-4\",\"valueRaw\":\"{this is not json\"")
                .contains("\"datapipelines.error.class\":\"JSONDecodeError\"");
    }

    @Test
    void previewFansOutWithPython() throws Exception {
        Run run = run("preview", EXAMPLES.resolve("order-fanout.yaml").toString(), "--input", EXAMPLES.resolve("order-fanout.ndjson").toString());
        assertThat(run.exitCode()).isZero();
        // Dicts written as Python literals have no fixed key order in Jython 2.7: compare as JSON values.
        List<Object> lines = new java.util.ArrayList<>();
        for (String line : run.out().lines().toList()) {
            lines.add(JsonCodec.fromJson(line));
        }
        assertThat(lines).containsExactly(
                JsonCodec.fromJson("{\"key\":\"A-1\",\"value\":{\"order\":\"o-1\",\"line\":1,\"sku\":\"A-1\",\"quantity\":2,\"unitPrice\":2.5},"
                        + "\"headers\":{\"order-id\":\"o-1\"}}"),
                JsonCodec.fromJson("{\"key\":\"B-7\",\"value\":{\"order\":\"o-1\",\"line\":2,\"sku\":\"B-7\",\"quantity\":1,\"unitPrice\":19.99},"
                        + "\"headers\":{\"order-id\":\"o-1\"}}"));
    }

    @Test
    void previewExitsOneWhenFailModeStopsThePipeline(@TempDir Path dir) throws Exception {
        String text = Files.readString(EXAMPLES.resolve("orders-cleanup.yaml")).replace("mode: dead-letter", "mode: fail");
        Path file = dir.resolve("fail.yaml");
        Files.writeString(file, text);
        Run run = run("preview", file.toString(), "--input", EXAMPLES.resolve("orders-cleanup.ndjson").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(1); // o-1 went through before o-3 stopped it
        assertThat(run.err()).contains("orders-cleanup.ndjson:3: record orders-0@2 failed in steps[0].fields[amount]: ValueError");
    }

    @Test
    void previewNamesTheBadInputLine(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.ndjson");
        Files.writeString(input, "{\"value\":{\"country\":\"DE\"}}\n\n{\"vaule\": 1}\n");
        Run run = run("preview", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--input", input.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(input + ":3: unknown key 'vaule' (expected key, value, valueRaw, headers, timestamp, partition)");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        Run run = run("preview", "examples/orders-cleanup.yaml", "--nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--nope'").contains("--help");
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
