package io.datapipelines.cli;

import io.datapipelines.model.JsonLimits;
import io.datapipelines.model.Location;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.model.TextFile;
import io.datapipelines.runtime.codec.RecordCodec;
import io.datapipelines.runtime.step.RecordError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads NDJSON input records (see {@link NdjsonRecord}) and encodes their keys and values in the
 * definition's source formats, so they reach the pipeline as the bytes a producer would send.
 *
 * <p>Every bad line stops the input with {@code NAME:LINE[:COL]: why}: JSON that does not parse or passes
 * the record limits ({@link JsonLimits}: the pipeline would refuse the same value), bytes that are not UTF-8,
 * and a line longer than {@link JsonLimits#MAX_DOCUMENT_LENGTH} bytes (read no further, so an endless line
 * cannot fill the heap).
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

    private final InputStream in;
    private final String name;
    private final RecordCodec keys;
    private final RecordCodec values;
    private final long maxLineBytes;
    private int lineNumber;

    NdjsonInput(InputStream in, String name, PipelineDefinition definition) {
        this(in, name, definition, JsonLimits.MAX_DOCUMENT_LENGTH);
    }

    NdjsonInput(InputStream in, String name, PipelineDefinition definition, long maxLineBytes) {
        this.in = in;
        this.name = name;
        this.keys = RecordCodec.of(definition.spec().source().keyFormat());
        this.values = RecordCodec.of(definition.spec().source().format());
        this.maxLineBytes = maxLineBytes;
    }

    /** @return the next record, or null at the end of the input (blank lines are skipped) */
    Encoded next() throws BadInput {
        String line;
        while ((line = readLine()) != null) {
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
                throw new BadInput(where() + (e.column() > 0 ? ":" + e.column() : "") + ": " + e.getMessage());
            }
        }
        return null;
    }

    /** The next line (without its line break), strictly UTF-8, or null at the end. */
    private String readLine() throws BadInput {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        try {
            while ((b = in.read()) != -1 && b != '\n') {
                if (bytes.size() >= maxLineBytes) {
                    lineNumber++;
                    throw new BadInput(where() + ": the line is longer than " + maxLineBytes + " bytes, the limit for one record");
                }
                bytes.write(b);
            }
        } catch (IOException e) {
            throw new BadInput(name + ":" + (lineNumber + 1) + ": cannot be read: " + e.getMessage());
        }
        if (b == -1 && bytes.size() == 0) {
            return null;
        }
        lineNumber++;
        byte[] line = bytes.toByteArray();
        int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        try {
            return TextFile.decode(Arrays.copyOf(line, length), name);
        } catch (TextFile.UnusableFileException e) {
            Location at = e.location(); // line 1 of the one line decoded: its column is the column here
            throw new BadInput(name + ":" + lineNumber + ":" + at.column() + ": the line " + e.reason());
        }
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
