package io.datapipelines.runtime.python;

import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * Java values as the GraalPy harness reads them: strings, longs, doubles, booleans and null as they
 * are (interop primitives); a map or a list as one array (a {@link ProxyArray}) whose first element says
 * which ({@value #DICT}: keys and values alternate after it; {@value #LIST}: the items), which the harness
 * copies into a real dict or list ({@code _py} in graalpy_harness.py) by index. Why one array: reading an
 * element costs the guest one call into Java, while walking a map's entries costs several per entry, and this
 * conversion is a large part of a record transform's time. A value with an integer beyond 64 bits has no such
 * form: {@link #of} returns {@link #NEEDS_JSON}, and the caller sends it as JSON text instead (rare, and then exact).
 */
final class GuestValues {
    /** Returned instead of a guest value when only JSON text can carry the value. */
    static final Object NEEDS_JSON = new Object();
    /** The first element of a map's array. */
    static final String DICT = "d";
    /** The first element of a list's array. */
    static final String LIST = "l";

    private GuestValues() {
    }

    /**
     * A map whose values are all strings, numbers of 64 bits, booleans or null (a flat JSON object: most
     * records and rows) as the trailing arguments of a call: first whether any value is null, then keys and values
     * alternating. GraalPy receives trailing arguments as one tuple ({@code *entries}) made at the call, so the harness
     * builds the dict with no read across the boundary at all ({@code _entries_dict} in graalpy_harness.py), which
     * costs a record transform about a fifth of its time less than the map's array. Null for any other map (nested
     * values, a key not a string): {@link #of} then.
     */
    static Object[] flatEntries(Map<?, ?> map) {
        Object[] out = new Object[1 + 2 * map.size()];
        boolean nulls = false;
        int i = 1;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (!(e.getKey() instanceof String)) {
                return null;
            }
            if (v == null) {
                nulls = true;
            } else if (!isPlain(v)) {
                return null;
            }
            out[i++] = e.getKey();
            out[i++] = v;
        }
        out[0] = nulls;
        return out;
    }

    /** Whether a non-null value crosses as it is: a string, a number of 64 bits or less, a boolean. */
    private static boolean isPlain(Object v) {
        return v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof Double || v instanceof Integer;
    }

    /** {@link #flatEntries(Map)} of these keys' entries only (those the map has), in this order. */
    static Object[] flatEntries(Map<String, ?> map, String[] keys) {
        Object[] out = new Object[1 + 2 * keys.length];
        boolean nulls = false;
        int i = 1;
        for (String key : keys) {
            Object v = map.get(key);
            if (v == null) {
                if (!map.containsKey(key)) {
                    continue;
                }
                nulls = true;
            } else if (!isPlain(v)) {
                return null;
            }
            out[i++] = key;
            out[i++] = v;
        }
        out[0] = nulls;
        return i == out.length ? out : java.util.Arrays.copyOf(out, i);
    }

    static Object of(Object value) {
        if (value == null || isPlain(value)) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Object[] out = new Object[1 + 2 * map.size()];
            out[0] = DICT;
            int i = 1;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object v = of(e.getValue());
                if (v == NEEDS_JSON || !(e.getKey() instanceof String)) {
                    return NEEDS_JSON;
                }
                out[i++] = e.getKey();
                out[i++] = v;
            }
            return ProxyArray.fromArray(out);
        }
        if (value instanceof List<?> list) {
            Object[] out = new Object[1 + list.size()];
            out[0] = LIST;
            int i = 1;
            for (Object item : list) {
                Object v = of(item);
                if (v == NEEDS_JSON) {
                    return NEEDS_JSON;
                }
                out[i++] = v;
            }
            return ProxyArray.fromArray(out);
        }
        return NEEDS_JSON; // BigInteger, or a type the value model does not have (JSON text says what)
    }
}
