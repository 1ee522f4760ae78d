package io.datapipelines.runtime.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.datapipelines.runtime.step.RecordError;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON with Python's number model: integers become Long (or BigInteger when larger), decimals Double,
 * objects insertion-ordered maps. Like Python's {@code json} module it reads NaN and Infinity, but it
 * refuses to write them: downstream consumers expect strict JSON.
 */
public final class JsonCodec implements RecordCodec {
    public static final JsonCodec INSTANCE = new JsonCodec();

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    private JsonCodec() {
    }

    @Override
    public Object decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return MAPPER.readValue(bytes, Object.class);
        } catch (JsonProcessingException e) {
            throw new RecordError("JSONDecodeError", "the value is not valid JSON: " + e.getOriginalMessage()
                    + " (at byte " + e.getLocation().getByteOffset() + ")");
        } catch (IOException e) {
            throw new RecordError("JSONDecodeError", "the value is not valid JSON: " + e.getMessage());
        }
    }

    @Override
    public byte[] encode(Object value) {
        if (value == null) {
            return null;
        }
        checkWritable(value);
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new RecordError("TypeError", "the value cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** Rejects what strict JSON cannot carry, with Python's messages. */
    private static void checkWritable(Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw RecordError.valueError("Out of range float values are not JSON compliant: " + d);
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw RecordError.typeError("keys must be str, not " + e.getKey().getClass().getSimpleName());
                }
                checkWritable(e.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                checkWritable(item);
            }
        } else if (value != null && !(value instanceof String || value instanceof Long || value instanceof BigInteger
                || value instanceof Double || value instanceof Boolean || value instanceof Integer)) {
            throw RecordError.typeError("Object of type " + value.getClass().getSimpleName() + " is not JSON serializable");
        }
    }

    /** Writes a plain value as compact JSON text (for previews and messages). */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Reads JSON text into plain values (for previews and tests). */
    public static Object fromJson(String text) throws IOException {
        return MAPPER.readValue(text, Object.class);
    }
}
