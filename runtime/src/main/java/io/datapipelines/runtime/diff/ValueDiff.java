package io.datapipelines.runtime.diff;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Field-level differences between two decoded values, as a consumer would see them: objects regardless
 * of key order, lists in order, and types strictly (10 and 10.0 differ: a consumer that reads an integer
 * gets a float), while the same integer as a long or a big integer is the same value.
 */
public final class ValueDiff {
    private ValueDiff() {
    }

    /** The differences between {@code oldValue} and {@code newValue}, with paths under {@code path}. */
    /** The differences between {@code oldValue} and {@code newValue}, with paths under {@code path}, sorted by path. */
    public static List<FieldChange> between(Object oldValue, Object newValue, String path) {
        if (same(oldValue, newValue)) { // the common case, without building paths
            return List.of();
        }
        List<FieldChange> changes = new ArrayList<>();
        collect(oldValue, newValue, path, changes);
        if (changes.size() > 1) {
            changes.sort(java.util.Comparator.comparing(FieldChange::path));
        }
        return changes;
    }

    private static void collect(Object oldValue, Object newValue, String path, List<FieldChange> out) {
        if (oldValue instanceof Map<?, ?> o && newValue instanceof Map<?, ?> n) {
            for (Map.Entry<?, ?> e : o.entrySet()) {
                Object key = e.getKey();
                if (!n.containsKey(key)) {
                    out.add(new FieldChange(child(path, key), FieldChange.Kind.REMOVED, e.getValue(), null));
                } else if (!same(e.getValue(), n.get(key))) {
                    collect(e.getValue(), n.get(key), child(path, key), out);
                }
            }
            for (Map.Entry<?, ?> e : n.entrySet()) {
                if (!o.containsKey(e.getKey())) {
                    out.add(new FieldChange(child(path, e.getKey()), FieldChange.Kind.ADDED, null, e.getValue()));
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

    private static String child(String path, Object key) {
        return path.isEmpty() ? String.valueOf(key) : path + "." + key;
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
