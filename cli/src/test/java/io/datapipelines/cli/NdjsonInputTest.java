package io.datapipelines.cli;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.JsonLimits;
import io.datapipelines.model.PipelineDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * NDJSON input files of {@code preview}: every bad line is exit code 2 with its file, line and (when it has one)
 * column; integers are read up to the record limit ({@link JsonLimits#MAX_NUMBER_LENGTH} digits), as the
 * pipeline reads them.
 */
class NdjsonInputTest {
    private static final String PASS_THROUGH = """
            apiVersion: datapipelines/v1
            kind: DataPipeline
            metadata:
              name: p
            spec:
              source:
                topic: in
              sink:
                topic: out
            """;

    @TempDir
    Path dir;

    @Test
    void integersUpToTheLimitGoThroughWhole() throws Exception {
        String digits = "9".repeat(JsonLimits.MAX_NUMBER_LENGTH);
        CliTest.Run run = preview("{\"value\": {\"n\": " + digits + ", \"m\": -" + "1".repeat(JsonLimits.MAX_NUMBER_LENGTH - 1) + "}}\n");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"key\":null,\"value\":{\"n\":" + digits + ",\"m\":-" + "1".repeat(JsonLimits.MAX_NUMBER_LENGTH - 1) + "}}");
    }

    @Test
    void anIntegerPastTheLimitIsExitTwoAtItsLine() throws Exception {
        CliTest.Run run = preview("{\"value\": 1}\n{\"value\": {\"n\": " + "9".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1) + "}}\n");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(dir.resolve("in.ndjson") + ":2:17: a number of more than 1000 digits, the limit for record values");
    }

    @Test
    void nestingPastTheLimitIsExitTwoAtItsLine() throws Exception {
        int depth = JsonLimits.MAX_NESTING_DEPTH + 1;
        CliTest.Run run = preview("\n{\"value\": " + "[".repeat(depth) + "]".repeat(depth) + "}\n");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith(dir.resolve("in.ndjson") + ":2:")
                .endsWith(": JSON nested more than " + JsonLimits.MAX_NESTING_DEPTH + " levels deep, the limit for record values");
    }

    @Test
    void invalidJsonIsExitTwoAtItsLineAndColumn() throws Exception {
        CliTest.Run run = preview("{\"value\": 1}\n{\"value\": 2}\n{\"value\": [1, 2}\n");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(dir.resolve("in.ndjson") + ":3:16: not valid JSON: Unexpected close marker '}': expected ']'");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void bytesThatAreNotUtf8AreExitTwoAtTheirLineAndColumn() throws Exception {
        Path input = dir.resolve("in.ndjson");
        Files.write(input, "{\"value\": \"ok\"}\n{\"value\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        CliTest.Run run = CliTest.run("preview", definition().toString(), "--input", input.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(input + ":2:15: the line is not valid UTF-8 (byte 0xE9); save the file as UTF-8");
    }

    @Test
    void anEndlessLineIsReadOnlyUpToTheLimit() throws Exception {
        PipelineDefinition definition = new DefinitionParser(null).parse(definition());
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 'x';
            }
        };
        NdjsonInput input = new NdjsonInput(endless, "<stdin>", definition, 4096);
        assertThatThrownBy(input::next).isInstanceOf(NdjsonInput.BadInput.class)
                .hasMessage("<stdin>:1: the line is longer than 4096 bytes, the limit for one record");
        assertThat(read[0]).isEqualTo(4097);
    }

    private Path definition() throws Exception {
        return Files.writeString(dir.resolve("p.yaml"), PASS_THROUGH);
    }

    private CliTest.Run preview(String ndjson) throws Exception {
        Path input = Files.writeString(dir.resolve("in.ndjson"), ndjson);
        return CliTest.run("preview", definition().toString(), "--input", input.toString());
    }
}
