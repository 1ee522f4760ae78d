package io.datapipelines.runtime.codec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.datapipelines.model.JsonLimits;
import io.datapipelines.runtime.step.RecordError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON with Python's number model: integers become Long (or BigInteger when larger), decimals Double,
 * objects insertion-ordered maps. Like Python's {@code json} module it reads NaN and Infinity, but it
 * refuses to write them: downstream consumers expect strict JSON.
 *
 * <p>Reading is bounded by {@link JsonLimits} (nesting depth, number, string and document length): a value
 * past them is a {@code JSONDecodeError} record error like any other invalid JSON.
 */
public final class JsonCodec implements RecordCodec {
    public static final JsonCodec INSTANCE = new JsonCodec();

    /** The limits of {@link JsonLimits}, stated explicitly rather than left to Jackson's defaults of the day. */
    static final StreamReadConstraints LIMITS = JsonLimits.streamReadConstraints();

    private static final JsonMapper MAPPER = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(LIMITS).build())
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
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first != null) {
                Object value = read(parser, first);
                if (parser.nextToken() == null) {
                    return value;
                }
            }
        } catch (IOException | RuntimeException notReadable) {
            // worded below, as before
        }
        return decodeOrExplain(bytes);
    }

    /**
     * One streaming pass, without data binding's per-record set-up. Objects are insertion-ordered maps (a
     * repeated key keeps its first place and its last value, as Python's json.loads), integers Long or, past
     * its range, BigInteger, other numbers Double (NaN and Infinity included). Recursion is bounded by the
     * parser's nesting limit ({@link JsonLimits#MAX_NESTING_DEPTH}, or the caller's parser's own).
     * Public so that every reader of JSON text into the runtime's value model (the GraalPy boundary too) is this one.
     *
     * @param token the parser's current token, the first of the value
     */
    public static Object read(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(parser, "unexpected end of input");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                String name;
                while ((name = parser.nextFieldName()) != null) {
                    map.put(name, read(parser, parser.nextToken()));
                }
                if (parser.currentToken() != JsonToken.END_OBJECT) {
                    throw new JsonParseException(parser, "expected a field name or '}'");
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (next == null) {
                        throw new JsonParseException(parser, "unexpected end of input in an array");
                    }
                    list.add(read(parser, next));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue() : parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseException(parser, "unexpected " + token);
        }
    }

    /** The slow path for bytes the streaming pass refused: data binding words the error (or, should it read them, gives the value). */
    private static Object decodeOrExplain(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, Object.class);
        } catch (StreamConstraintsException e) {
            // Jackson gives no location for these; the message names the limit and the value's size
            throw new RecordError("JSONDecodeError", "the value is past the limits for JSON records: "
                    + withoutJacksonHint(e.getOriginalMessage()) + " (see docs/runtime.md)");
        } catch (JsonProcessingException e) {
            throw new RecordError("JSONDecodeError", "the value is not valid JSON: " + e.getOriginalMessage() + at(e));
        } catch (IOException | RuntimeException e) {
            throw new RecordError("JSONDecodeError", "the value is not valid JSON: " + e.getMessage());
        }
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getByteOffset() < 0 ? "" : " (at byte " + e.getLocation().getByteOffset() + ")";
    }

    /** Jackson's messages end with {@code , from `StreamReadConstraints.getMaxNestingDepth()`)}: a hint for Java programmers, not for users. */
    private static final Pattern JACKSON_HINT = Pattern.compile(", from `[^`]*`\\)");

    private static String withoutJacksonHint(String message) {
        return message == null ? "" : JACKSON_HINT.matcher(message).replaceAll(")");
    }

    @Override
    public byte[] encode(Object value) {
        if (value == null) {
            return null;
        }
        ValueWriter writer = WRITERS.get();
        try {
            return writer.write(value);
        } catch (IOException | RuntimeException e) {
            WRITERS.remove(); // the generator stopped inside the value: the next record gets a fresh one
            if (e instanceof RecordError error) {
                throw error;
            }
            throw new RecordError("TypeError", "the value cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * One generator and buffer per stream thread, kept from record to record: creating them cost about a
     * sixth of the runtime's time per record. A generator that threw is dropped (see {@link #encode}).
     */
    private static final ThreadLocal<ValueWriter> WRITERS = ThreadLocal.withInitial(ValueWriter::new);

    private static final class ValueWriter {
        private final ByteArrayBuilder bytes = new ByteArrayBuilder(256);
        private final JsonGenerator generator;

        ValueWriter() {
            try {
                generator = MAPPER.createGenerator(bytes, JsonEncoding.UTF8);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // an in-memory buffer: not expected
            }
            generator.setRootValueSeparator(null); // one value per record, not a stream of values
        }

        byte[] write(Object value) throws IOException {
            bytes.reset();
            JsonCodec.write(generator, value);
            generator.flush();
            return bytes.toByteArray();
        }
    }

    /**
     * One pass that checks and writes: what strict JSON cannot carry is refused with Python's messages.
     * Nothing written reaches Kafka when it throws: the caller gets bytes or an error, never part of a value.
     */
    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String s) {
            generator.writeString(s);
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw RecordError.typeError("keys must be str, not " + (e.getKey() == null ? "NoneType" : e.getKey().getClass().getSimpleName()));
                }
                generator.writeFieldName(key);
                write(generator, e.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof Long l) {
            generator.writeNumber(l);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw RecordError.valueError("Out of range float values are not JSON compliant: " + d);
            }
            generator.writeNumber(d);
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof BigInteger big) {
            generator.writeNumber(big);
        } else if (value instanceof Integer i) {
            generator.writeNumber(i);
        } else {
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
