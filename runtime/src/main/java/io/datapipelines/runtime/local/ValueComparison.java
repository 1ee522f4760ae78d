package io.datapipelines.runtime.local;

import io.datapipelines.runtime.codec.JsonCodec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Compares plain values the way tests expect: numbers by value (an integer result equals the same
 * float: 10 == 10.0), objects regardless of key order, lists in order; and says where they differ.
 */
public final class ValueComparison {

    private ValueComparison() {
    }

    public static boolean equal(Object expected, Object actual) {
        boolean[] same = {true};
        differences(expected, actual, "", d -> same[0] = false);
        return same[0];
    }

    /** Reports each difference as {@code path: expected X, got Y}. */
    public static void differences(Object expected, Object actual, String path, Consumer<String> out) {
        String where = path.isEmpty() ? "" : path + ": ";
        if (isNumber(expected) && isNumber(actual)) {
            if (decimal(expected).compareTo(decimal(actual)) != 0) {
                out.accept(where + "expected " + show(expected) + ", got " + show(actual));
            }
        } else if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            TreeSet<String> keys = new TreeSet<>();
            e.keySet().forEach(k -> keys.add(String.valueOf(k)));
            a.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String key : keys) {
                String child = path.isEmpty() ? key : path + "." + key;
                if (!a.containsKey(key)) {
                    out.accept(child + ": expected " + show(e.get(key)) + ", but the field is missing");
                } else if (!e.containsKey(key)) {
                    out.accept(child + ": not expected, got " + show(a.get(key)));
                } else {
                    differences(e.get(key), a.get(key), child, out);
                }
            }
        } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                out.accept(where + "expected " + e.size() + " items " + show(e) + ", got " + a.size() + " " + show(a));
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                differences(e.get(i), a.get(i), path + "[" + i + "]", out);
            }
        } else if (!(expected == null ? actual == null : expected.equals(actual))) {
            out.accept(where + "expected " + show(expected) + ", got " + show(actual));
        }
    }

    private static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof BigInteger || value instanceof Double;
    }

    private static BigDecimal decimal(Object number) {
        if (number instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? BigDecimal.valueOf(Long.MAX_VALUE) : new BigDecimal(d);
        } else if (number instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        return BigDecimal.valueOf(((Number) number).longValue());
    }

    static String show(Object value) {
        try {
            return JsonCodec.toJson(value);
        } catch (IllegalArgumentException e) {
            return String.valueOf(value);
        }
    }
}
