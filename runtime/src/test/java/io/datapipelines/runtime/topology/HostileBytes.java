package io.datapipelines.runtime.topology;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hostile keys and values built from the fuzzer's input: JSON shaped to hit the reader's limits and the codec's
 * corners (nesting up to 3000 levels, numbers up to 6000 digits, NaN and Infinity, lone surrogates), often wrapped
 * in a record with a name; invalid UTF-8 spliced into JSON text; random bytes; empty; null; and raw bytes taken as
 * they come, which the fuzzer's byte-level mutations (and the seed corpus) work on directly.
 *
 * <p>Every choice is a {@link FuzzedDataProvider#consumeInt(int, int)} (read from the end of the input) and every
 * run of bytes a {@link FuzzedDataProvider#consumeBytes(int)} (read from its start): {@link HostileSeeds} writes
 * inputs for chosen shapes by the same two rules.
 */
final class HostileBytes {
    /** The shapes, in the order of the first choice. */
    enum Shape { NULL, EMPTY, RANDOM, RAW, INVALID_UTF8, JSON }

    /** The kinds of JSON scalar. */
    enum Scalar { DEEP, NUMBER, SPECIAL, TEXT }

    static final int MAX_DEPTH = 3000;
    static final int MAX_DIGITS = 6000;
    static final int MAX_RANDOM = 64;
    /** Enough for the deepest and longest JSON above written out in full. */
    static final int MAX_RAW = 16 * 1024;
    static final int MAX_TEXT = 30;
    static final int MAX_SPLICE_AT = 100;

    static final List<String> NUMBER_PREFIXES = List.of("", "-", "0.", "1e", "1.5e-");
    static final List<String> SPECIALS = List.of("NaN", "-Infinity", "Infinity", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"",
            "1e99999", "-0", "00", "01", "1.", ".5", "+1", "true", "nul", "\"", "{\"k\":1,\"k\":2}", "[1,]", "{,}", "\"\\x\"");
    static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {0});

    private HostileBytes() {
    }

    /** One key or value; null is a record without key or value. */
    static byte[] next(FuzzedDataProvider data) {
        return switch (Shape.values()[data.consumeInt(0, Shape.values().length - 1)]) {
            case NULL -> null;
            case EMPTY -> new byte[0];
            case RANDOM -> data.consumeBytes(data.consumeInt(0, MAX_RANDOM));
            case RAW -> data.consumeBytes(data.consumeInt(0, MAX_RAW));
            case INVALID_UTF8 -> {
                String json = json(data);
                byte[] bad = INVALID_UTF8.get(data.consumeInt(0, INVALID_UTF8.size() - 1));
                yield splice(json, bad, data.consumeInt(0, MAX_SPLICE_AT));
            }
            case JSON -> json(data).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A scalar, or a record {"name": scalar, "n": scalar} (the fields the test pipeline's steps work on). */
    private static String json(FuzzedDataProvider data) {
        if (data.consumeInt(0, 1) == 0) {
            return scalar(data);
        }
        String name = scalar(data);
        String n = scalar(data);
        return "{\"name\":" + name + ",\"n\":" + n + "}";
    }

    private static String scalar(FuzzedDataProvider data) {
        return switch (Scalar.values()[data.consumeInt(0, Scalar.values().length - 1)]) {
            case DEEP -> {
                int depth = data.consumeInt(1, MAX_DEPTH);
                boolean array = data.consumeInt(0, 1) == 0;
                boolean closed = data.consumeInt(0, 1) == 0;
                yield deep(depth, array, closed);
            }
            case NUMBER -> {
                String prefix = NUMBER_PREFIXES.get(data.consumeInt(0, NUMBER_PREFIXES.size() - 1));
                yield prefix + "9".repeat(data.consumeInt(1, MAX_DIGITS));
            }
            case SPECIAL -> SPECIALS.get(data.consumeInt(0, SPECIALS.size() - 1));
            case TEXT -> {
                int length = data.consumeInt(0, MAX_TEXT);
                StringBuilder text = new StringBuilder("\"");
                for (int i = 0; i < length; i++) {
                    appendEscaped(text, (char) data.consumeInt(0, Character.MAX_VALUE));
                }
                yield text.append('"').toString();
            }
        };
    }

    static String deep(int depth, boolean array, boolean closed) {
        String open = array ? "[" : "{\"a\":";
        String close = array ? "]" : "}";
        return open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
    }

    /** Quotes, backslashes, controls and surrogates (lone ones too) as JSON escapes; the rest as is. */
    private static void appendEscaped(StringBuilder text, char c) {
        if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
            text.append(String.format("\\u%04x", (int) c));
        } else {
            text.append(c);
        }
    }

    /** The JSON text with bad bytes inserted inside a string value (as in {"name":"..."}). */
    static byte[] splice(String json, byte[] bad, int at) {
        String inString = "{\"name\":\"a" + json.replace("\"", "") + "\"}";
        byte[] text = inString.getBytes(StandardCharsets.UTF_8);
        int position = Math.min(10 + at, text.length - 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, position);
        out.writeBytes(bad);
        out.write(text, position, text.length - position);
        return out.toByteArray();
    }
}
