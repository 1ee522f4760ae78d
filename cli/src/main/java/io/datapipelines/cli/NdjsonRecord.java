package io.datapipelines.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.datapipelines.model.JsonLimits;
import io.datapipelines.runtime.codec.JsonCodec;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One line of preview input: {@code {"key":..., "value":...}} or {@code "valueRaw"} (a string whose
 * UTF-8 bytes are the raw value), optional {@code headers} (strings), {@code timestamp} and
 * {@code partition}.
 */
record NdjsonRecord(boolean hasKey, Object key, Object value, String valueRaw, Map<String, String> headers, Long timestamp, Integer partition) {

    private static final Set<String> KEYS = Set.of("key", "value", "valueRaw", "headers", "timestamp", "partition");

    /**
     * Values read as the pipeline reads them (integers Long or, past its range, BigInteger; decimals Double,
     * NaN and Infinity accepted) and within the same limits ({@link JsonLimits}), so that a line accepted here
     * is a record the pipeline accepts.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(JsonLimits.streamReadConstraints())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** Thrown with a message that names the problem; the caller adds file and line. */
    static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;
        private final int column;

        BadLine(String message) {
            this(message, 0);
        }

        BadLine(String message, int column) {
            super(message);
            this.column = column;
        }

        /** The 1-based column in the line, or 0 when the problem has no place of its own. */
        int column() {
            return column;
        }
    }

    static NdjsonRecord parse(String line) throws BadLine {
        Object parsed;
        JsonParser parser = null;
        try (JsonParser p = JSON.createParser(line)) {
            parser = p;
            JsonToken first = p.nextToken();
            // the runtime's one reader of JSON values (depth bounded by the parser's nesting limit, JsonLimits)
            parsed = first == null ? null : JsonCodec.read(p, first);
            if (p.nextToken() != null) {
                throw new BadLine("not valid JSON: more after the end of the value", column(p.currentTokenLocation()));
            }
        } catch (StreamConstraintsException e) {
            throw new BadLine(JsonLimits.describe(e) + ", the limit for record values", column(parser == null ? null : parser.currentTokenLocation()));
        } catch (JsonProcessingException e) {
            String message = firstLine(e.getOriginalMessage()).replaceAll("\\s*\\(for [^(]*\\[Source: .*$", "");
            throw new BadLine("not valid JSON: " + message, column(e.getLocation()));
        } catch (IOException e) {
            throw new BadLine("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new BadLine("expected a JSON object like {\"key\": ..., \"value\": ...}");
        }
        for (Object k : map.keySet()) {
            if (!KEYS.contains(k)) {
                throw new BadLine("unknown key '" + k + "' (expected key, value, valueRaw, headers, timestamp, partition)");
            }
        }
        if (map.containsKey("value") && map.containsKey("valueRaw")) {
            throw new BadLine("give either 'value' or 'valueRaw', not both");
        }
        Object raw = map.get("valueRaw");
        if (raw != null && !(raw instanceof String)) {
            throw new BadLine("'valueRaw' must be a string");
        }
        Map<String, String> headers = null;
        if (map.get("headers") != null) {
            if (!(map.get("headers") instanceof Map<?, ?> h)) {
                throw new BadLine("'headers' must be an object of strings");
            }
            headers = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : h.entrySet()) {
                if (!(e.getValue() instanceof String s)) {
                    throw new BadLine("header '" + e.getKey() + "' must be a string");
                }
                headers.put((String) e.getKey(), s);
            }
        }
        Long timestamp = null;
        if (map.get("timestamp") != null) {
            if (!(map.get("timestamp") instanceof Long t) || t < 0) {
                throw new BadLine("'timestamp' must be a whole number of milliseconds since the epoch");
            }
            timestamp = t;
        }
        Integer partition = null;
        if (map.get("partition") != null) {
            if (!(map.get("partition") instanceof Long p) || p < 0 || p > Integer.MAX_VALUE) {
                throw new BadLine("'partition' must be a whole number >= 0");
            }
            partition = (int) (long) p;
        }
        return new NdjsonRecord(map.containsKey("key"), map.get("key"), map.get("value"), (String) raw, headers, timestamp, partition);
    }

    private static int column(JsonLocation location) {
        return location == null || location.getColumnNr() < 1 ? 0 : location.getColumnNr();
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }
}
