package io.datapipelines.cli;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.codec.RecordCodec;
import io.datapipelines.runtime.step.RecordError;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads NDJSON input records (see {@link NdjsonRecord}) and encodes their keys and values in the
 * definition's source formats, so they reach the pipeline as the bytes a producer would send.
 */
final class NdjsonInput {

    /** A record ready to send; {@code line} is its 1-based line number in the input. */
    record Encoded(int line, byte[] key, byte[] value, Map<String, String> headers, Long timestamp, Integer partition) {
    }

    /** Bad input, with a message that already names the input and line. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    private final BufferedReader reader;
    private final String name;
    private final RecordCodec keys;
    private final RecordCodec values;
    private int lineNumber;

    NdjsonInput(BufferedReader reader, String name, PipelineDefinition definition) {
        this.reader = reader;
        this.name = name;
        this.keys = RecordCodec.of(definition.spec().source().keyFormat());
        this.values = RecordCodec.of(definition.spec().source().format());
    }

    /** @return the next record, or null at the end of the input (blank lines are skipped) */
    Encoded next() throws IOException, BadInput {
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                NdjsonRecord record = NdjsonRecord.parse(line);
                byte[] key = record.hasKey() ? encode(keys, record.key(), "key") : null;
                byte[] value = record.valueRaw() != null ? record.valueRaw().getBytes(StandardCharsets.UTF_8)
                        : encode(values, record.value(), "value");
                return new Encoded(lineNumber, key, value, record.headers(), record.timestamp(), record.partition());
            } catch (NdjsonRecord.BadLine e) {
                throw new BadInput(where() + ": " + e.getMessage());
            }
        }
        return null;
    }

    /** {@code NAME:LINE} of the last line read. */
    String where() {
        return name + ":" + lineNumber;
    }

    private static byte[] encode(RecordCodec codec, Object value, String what) throws NdjsonRecord.BadLine {
        try {
            return codec.encode(value);
        } catch (RecordError e) {
            throw new NdjsonRecord.BadLine("the " + what + " does not fit the definition's format: " + e.getMessage());
        }
    }
}
