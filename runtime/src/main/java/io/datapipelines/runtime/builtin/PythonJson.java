package io.datapipelines.runtime.builtin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.datapipelines.runtime.step.RecordError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Python's {@code json.loads} (with an object hook) and {@code json.dumps} with its default settings, on plain
 * Java values: integers become Long/BigInteger, decimals Double, objects insertion-ordered maps (a repeated key
 * keeps its first position and its last value, like a dict). Output uses {@code ", "} and {@code ": "}, escapes
 * every non-ASCII character as {@code \\uXXXX} (astral characters as surrogate pairs), writes floats in
 * Python's repr and NaN/Infinity as {@code NaN}, {@code Infinity}, {@code -Infinity}.
 */
final class PythonJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private PythonJson() {
    }

    /**
     * {@code json.loads(text, object_hook=hook)}: the hook sees every object, innermost first, and its result
     * replaces it. Invalid JSON, including anything after the value, raises JSONDecodeError.
     */
    static Object loads(String text, UnaryOperator<Map<String, Object>> objectHook) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw decodeError("Expecting value", parser.currentLocation());
            }
            Object value = read(parser, objectHook);
            if (parser.nextToken() != null) {
                throw decodeError("Extra data", parser.currentTokenLocation());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw decodeError(e.getOriginalMessage(), e.getLocation());
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static Object read(JsonParser parser, UnaryOperator<Map<String, Object>> objectHook) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    parser.nextToken();
                    object.put(key, read(parser, objectHook));
                }
                yield objectHook.apply(object);
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, objectHook));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> PythonSemantics.normalize(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw decodeError("Expecting value", parser.currentTokenLocation());
        };
    }

    private static RecordError decodeError(String message, JsonLocation at) {
        String where = at == null ? "" : ": line " + at.getLineNr() + " column " + at.getColumnNr()
                + " (char " + at.getCharOffset() + ")";
        return new RecordError("JSONDecodeError", message + where);
    }

    /** {@code json.dumps(value)} with Python's defaults. */
    static String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (PythonSemantics.isInt(value)) {
            out.append(value);
        } else if (PythonSemantics.isFloat(value)) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : PythonSemantics.floatRepr(d));
        } else if (value instanceof String s) {
            writeString(out, s);
        } else if (value instanceof List<?> list) {
            out.append('[');
            String separator = "";
            for (Object element : list) {
                out.append(separator);
                write(out, element);
                separator = ", ";
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                writeString(out, String.valueOf(entry.getKey()));
                out.append(": ");
                write(out, entry.getValue());
                separator = ", ";
            }
            out.append('}');
        } else {
            throw RecordError.typeError("Object of type " + PythonSemantics.typeName(value) + " is not JSON serializable");
        }
    }

    /** Python's ensure_ascii string form: only printable ASCII stays as it is. */
    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        // Per UTF-16 unit, which writes astral characters as surrogate pairs, as Python does.
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
