package io.datapipelines.runtime.diff;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Field-level differences between two decoded values, as a consumer would see them: objects regardless
 * of key order, lists in order, and types strictly (10 and 10.0 differ: a consumer that reads an integer
 * gets a float), while the same integer as a long or a big integer is the same value.
 */
public final class ValueDiff {
    private ValueDiff() {
    }

    /** The differences between {@code oldValue} and {@code newValue}, with paths under {@code path}. */
    public static List<FieldChange> between(Object oldValue, Object newValue, String path) {
        List<FieldChange> changes = new ArrayList<>();
        collect(oldValue, newValue, path, changes);
        return changes;
    }

    private static void collect(Object oldValue, Object newValue, String path, List<FieldChange> out) {
        if (oldValue instanceof Map<?, ?> o && newValue instanceof Map<?, ?> n) {
            TreeSet<String> keys = new TreeSet<>();
            o.keySet().forEach(k -> keys.add(String.valueOf(k)));
            n.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String key : keys) {
                String child = path.isEmpty() ? key : path + "." + key;
                if (!n.containsKey(key)) {
                    out.add(new FieldChange(child, FieldChange.Kind.REMOVED, o.get(key), null));
                } else if (!o.containsKey(key)) {
                    out.add(new FieldChange(child, FieldChange.Kind.ADDED, null, n.get(key)));
                } else {
                    collect(o.get(key), n.get(key), child, out);
                }
            }
        } else if (oldValue instanceof List<?> o && newValue instanceof List<?> n && o.size() == n.size()) {
            for (int i = 0; i < o.size(); i++) {
                collect(o.get(i), n.get(i), path + "[" + i + "]", out);
            }
        } else if (!same(oldValue, newValue)) {
            out.add(new FieldChange(path, FieldChange.Kind.CHANGED, oldValue, newValue));
        }
    }

    /** Equal in value and type. */
    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        String type = typeName(a);
        if (!type.equals(typeName(b))) {
            return false;
        }
        return switch (type) {
            case "integer" -> integer(a).equals(integer(b));
            case "float" -> sameFloat((Number) a, (Number) b);
            case "object" -> sameObject((Map<?, ?>) a, (Map<?, ?>) b);
            case "array" -> sameList((List<?>) a, (List<?>) b);
            default -> a.equals(b);
        };
    }

    /** The JSON type a consumer sees: null, boolean, integer, float, string, object, array (else the Java class). */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return "integer";
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return "float";
        } else if (value instanceof CharSequence) {
            return "string";
        } else if (value instanceof Map<?, ?>) {
            return "object";
        } else if (value instanceof List<?>) {
            return "array";
        }
        return value.getClass().getSimpleName();
    }

    private static BigInteger integer(Object number) {
        return number instanceof BigInteger b ? b : BigInteger.valueOf(((Number) number).longValue());
    }

    private static boolean sameObject(Map<?, ?> a, Map<?, ?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<?, ?> e : a.entrySet()) {
            if (!b.containsKey(e.getKey()) || !same(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameList(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameFloat(Number a, Number b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (!(a instanceof BigDecimal) && !(b instanceof BigDecimal)) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        double d = (a instanceof BigDecimal ? b : a).doubleValue();
        BigDecimal exact = (BigDecimal) (a instanceof BigDecimal ? a : b);
        return Double.isFinite(d) && new BigDecimal(d).compareTo(exact) == 0;
    }
}
