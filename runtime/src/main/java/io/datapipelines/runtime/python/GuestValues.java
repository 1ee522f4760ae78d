package io.datapipelines.runtime.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyHashMap;

/**
 * Java values as the GraalPy harness reads them: strings, longs, doubles, booleans and null as they
 * are (interop primitives), maps and lists as proxies, which the harness copies into real dicts and
 * lists ({@code _py} in graalpy_harness.py) in one pass of Python code, which the JIT compiles. A value
 * with an integer beyond 64 bits has no such form: {@link #of} returns {@link #NEEDS_JSON}, and the
 * caller sends it as JSON text instead (rare, and then exact).
 */
final class GuestValues {
    /** Returned instead of a guest value when only JSON text can carry the value. */
    static final Object NEEDS_JSON = new Object();

    private GuestValues() {
    }

    static Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Boolean
                || value instanceof Double || value instanceof Integer) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>(Math.max(4, (int) (map.size() / 0.75f) + 1));
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object v = of(e.getValue());
                if (v == NEEDS_JSON || !(e.getKey() instanceof String)) {
                    return NEEDS_JSON;
                }
                out.put(e.getKey(), v);
            }
            return ProxyHashMap.from(out);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                Object v = of(item);
                if (v == NEEDS_JSON) {
                    return NEEDS_JSON;
                }
                out.add(v);
            }
            return ProxyArray.fromList(out);
        }
        return NEEDS_JSON; // BigInteger, or a type the value model does not have (JSON text says what)
    }
}
