package io.datapipelines.runtime.topology;

import io.datapipelines.runtime.topology.HostileBytes.Scalar;
import io.datapipelines.runtime.topology.HostileBytes.Shape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The seed corpus of {@link HostileRecordsFuzzTest}: the nasty cases, written as fuzzer inputs that make
 * {@link HostileBytes} build them. Jazzer runs every seed in regression mode (every build) and starts its
 * exploration from them in fuzzing mode. {@code HostileRecordsFuzzTest.eachCommittedSeedGivesItsKeyAndValue} checks that the committed files are these and
 * that each still gives its key and value; after changing {@link HostileBytes}, rewrite them with
 * {@code main} (its argument: the inputs directory under src/test/resources).
 */
final class HostileSeeds {
    static final String INPUTS = "HostileRecordsFuzzTestInputs/everyRecordGivesItsOutputsOrOneDeadLetter";

    /** A named seed: the fuzzer input, and the key and value it must give. */
    record Seed(String name, byte[] input, byte[] key, byte[] value) {
    }

    private HostileSeeds() {
    }

    static List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        String deepArray = HostileBytes.deep(3000, true, true);
        String deepObjectUnclosed = HostileBytes.deep(3000, false, false);
        seeds.add(seed("deep-array-3000-value", new Input().nul().single().deep(3000, true, true), null, utf8(deepArray)));
        seeds.add(seed("deep-object-3000-unclosed-value", new Input().nul().single().deep(3000, false, false), null, utf8(deepObjectUnclosed)));
        seeds.add(seed("deep-array-3000-key", new Input().single().deep(3000, true, true).raw(utf8("{\"name\":\"a\"}")),
                utf8(deepArray), utf8("{\"name\":\"a\"}")));
        seeds.add(seed("record-with-6000-digit-number", new Input().nul().record().text("ada").number(0, 6000), null,
                utf8("{\"name\":\"ada\",\"n\":" + "9".repeat(6000) + "}")));
        seeds.add(seed("exponent-with-6000-digits", new Input().nul().single().number(4, 6000), null, utf8("1.5e-" + "9".repeat(6000))));
        seeds.add(seed("record-with-deep-name-400", new Input().nul().record().deep(400, true, true).special(13), null,
                utf8("{\"name\":" + HostileBytes.deep(400, true, true) + ",\"n\":true}")));
        seeds.add(seed("nan-and-infinity", new Input().nul().record().special(0).special(1), null, utf8("{\"name\":NaN,\"n\":-Infinity}")));
        seeds.add(seed("lone-surrogates", new Input().nul().record().special(3).text("\udfffa\ud800"), null,
                utf8("{\"name\":\"\\ud800\",\"n\":\"\\udfffa\\ud800\"}")));
        seeds.add(seed("invalid-utf8-surrogate-bytes", new Input().nul().spliced(2, 0).text("ada"), null,
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'a', 'd', 'a', '"', '}'}));
        seeds.add(seed("invalid-utf8-overlong-in-key", new Input().spliced(4, 3).text("bob").nul(),
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'a', 'b', 'o', 'b', (byte) 0xC0, (byte) 0xAF, '"', '}'}, null));
        // found by fuzzing the code before dead letters caught everything (f4e0b2e): Jackson's number-length error
        // has no location, and reading it threw a NullPointerException out of the topology
        seeds.add(seed("key-with-4561-digit-number", new Input().single().number(0, 4561).nul(), utf8("9".repeat(4561)), null));
        byte[] random = {(byte) 0xFF, (byte) 0xFE, 0, (byte) 0x80, '{', '"'};
        seeds.add(seed("random-bytes", new Input().nul().random(random), null, random));
        seeds.add(seed("empty-key-and-value", new Input().empty().empty(), new byte[0], new byte[0]));
        seeds.add(seed("null-key-and-value", new Input().nul().nul(), null, null));
        seeds.add(seed("duplicate-names", new Input().nul().raw(utf8("{\"name\":\"x\",\"name\":\"y\",\"n\":1}")), null,
                utf8("{\"name\":\"x\",\"name\":\"y\",\"n\":1}")));
        seeds.add(seed("number-past-double-range", new Input().nul().raw(utf8("{\"name\":\"x\",\"n\":1e99999}")), null,
                utf8("{\"name\":\"x\",\"n\":1e99999}")));
        byte[] bomAndNul = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}', 0};
        seeds.add(seed("byte-order-mark-and-trailing-nul", new Input().nul().raw(bomAndNul), null, bomAndNul));
        seeds.add(seed("valid-record", new Input().raw(utf8("\"k\"")).raw(utf8("{\"name\":\"ada\",\"n\":42}")),
                utf8("\"k\""), utf8("{\"name\":\"ada\",\"n\":42}")));
        return seeds;
    }

    private static Seed seed(String name, Input input, byte[] key, byte[] value) {
        return new Seed(name, input.toBytes(), key, value);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the seeds into the given inputs directory (src/test/resources/io/datapipelines/runtime/topology/...). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (Seed seed : all()) {
            Files.write(dir.resolve(seed.name()), seed.input());
        }
    }

    /**
     * A fuzzer input written choice by choice, by the rules of Jazzer's FuzzedDataProvider (0.30.0, checked by
     * the test): {@code consumeInt(min, max)} reads from the end, most significant byte first, as many bytes as
     * {@code max - min} needs, and returns that number if it is in [min, max] (else min plus it modulo the
     * range's size, which this writer does not use); {@code consumeBytes} reads from the start.
     */
    static final class Input {
        private final ByteArrayOutputStream front = new ByteArrayOutputStream();
        /** The bytes read from the end, in the order they are read. */
        private final List<Byte> back = new ArrayList<>();

        Input choose(int value, int min, int max) {
            long range = (long) max - min;
            if (value < min || value > max) {
                throw new IllegalArgumentException(value + " is not in [" + min + ", " + max + "]");
            }
            int bytes = 0;
            while (bytes < 4 && (range >> (8 * bytes)) > 0) {
                bytes++;
            }
            if (value < 0 || (bytes < 4 && value >= 1L << (8 * bytes))) {
                throw new IllegalArgumentException(value + " does not fit the " + bytes + " bytes that [" + min + ", " + max + "] reads");
            }
            for (int i = bytes - 1; i >= 0; i--) {
                back.add((byte) (value >> (8 * i)));
            }
            return this;
        }

        Input bytes(byte[] bytes) {
            front.writeBytes(bytes);
            return this;
        }

        Input shape(Shape shape) {
            return choose(shape.ordinal(), 0, Shape.values().length - 1);
        }

        Input nul() {
            return shape(Shape.NULL);
        }

        Input empty() {
            return shape(Shape.EMPTY);
        }

        Input random(byte[] bytes) {
            return shape(Shape.RANDOM).choose(bytes.length, 0, HostileBytes.MAX_RANDOM).bytes(bytes);
        }

        Input raw(byte[] bytes) {
            return shape(Shape.RAW).choose(bytes.length, 0, HostileBytes.MAX_RAW).bytes(bytes);
        }

        /** Invalid UTF-8: the JSON that follows (one scalar) with the given bad bytes spliced in. */
        Input spliced(int badIndex, int at) {
            // the JSON's choices come first, then the bad bytes' and the place's: see HostileBytes.next
            pendingSplice = new int[] {badIndex, at};
            return shape(Shape.INVALID_UTF8).choose(0, 0, 1);
        }

        private int[] pendingSplice;

        /** A JSON value that is one scalar (the scalar's choices follow). */
        Input single() {
            return shape(Shape.JSON).choose(0, 0, 1);
        }

        /** A JSON record {"name": scalar, "n": scalar} (the two scalars' choices follow). */
        Input record() {
            return shape(Shape.JSON).choose(1, 0, 1);
        }

        Input deep(int depth, boolean array, boolean closed) {
            scalar(Scalar.DEEP).choose(depth, 1, HostileBytes.MAX_DEPTH).choose(array ? 0 : 1, 0, 1).choose(closed ? 0 : 1, 0, 1);
            return afterScalar();
        }

        Input number(int prefixIndex, int digits) {
            scalar(Scalar.NUMBER).choose(prefixIndex, 0, HostileBytes.NUMBER_PREFIXES.size() - 1).choose(digits, 1, HostileBytes.MAX_DIGITS);
            return afterScalar();
        }

        Input special(int index) {
            scalar(Scalar.SPECIAL).choose(index, 0, HostileBytes.SPECIALS.size() - 1);
            return afterScalar();
        }

        Input text(String chars) {
            scalar(Scalar.TEXT).choose(chars.length(), 0, HostileBytes.MAX_TEXT);
            chars.chars().forEach(c -> choose(c, 0, Character.MAX_VALUE));
            return afterScalar();
        }

        private Input scalar(Scalar scalar) {
            return choose(scalar.ordinal(), 0, Scalar.values().length - 1);
        }

        /** A splice's own choices come right after its (single-scalar) JSON. */
        private Input afterScalar() {
            if (pendingSplice != null) {
                int[] splice = pendingSplice;
                pendingSplice = null;
                choose(splice[0], 0, HostileBytes.INVALID_UTF8.size() - 1).choose(splice[1], 0, HostileBytes.MAX_SPLICE_AT);
            }
            return this;
        }

        byte[] toBytes() {
            byte[] start = front.toByteArray();
            byte[] all = Arrays.copyOf(start, start.length + back.size());
            for (int i = 0; i < back.size(); i++) {
                all[all.length - 1 - i] = back.get(i);
            }
            return all;
        }
    }
}
