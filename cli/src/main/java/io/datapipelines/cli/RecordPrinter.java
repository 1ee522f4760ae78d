package io.datapipelines.cli;

import io.datapipelines.runtime.codec.JsonCodec;
import io.datapipelines.runtime.codec.RecordCodec;
import io.datapipelines.runtime.step.RecordError;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records as NDJSON lines for people and scripts: {@code {"key":...,"value":...}} plus
 * {@code "headers"} when there are any. Bytes that do not decode in the expected format (a dead
 * letter's, typically) are shown as {@code valueRaw}, the form preview input accepts.
 */
final class RecordPrinter {

    private RecordPrinter() {
    }

    static String line(Map<String, Object> prefix, byte[] key, byte[] value, Map<String, String> headers, RecordCodec keys, RecordCodec values) {
        Map<String, Object> map = new LinkedHashMap<>(prefix);
        map.put("key", decodeOrRaw(keys, key));
        try {
            map.put("value", values.decode(value));
        } catch (RecordError e) {
            map.put("valueRaw", new String(value, StandardCharsets.UTF_8));
        }
        if (!headers.isEmpty()) {
            map.put("headers", headers);
        }
        return JsonCodec.toJson(map);
    }

    private static Object decodeOrRaw(RecordCodec codec, byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (RecordError e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
