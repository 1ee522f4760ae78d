package io.datapipelines.runtime.builtin;

import io.datapipelines.model.builtin.PythonSyntax;
import io.datapipelines.runtime.step.RecordError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python 3's view of the plain Java values that records and configs are made of: {@code null} is None,
 * {@link Boolean} is bool (an int subclass), {@link Long}/{@link BigInteger} are int, {@link Double} is float,
 * {@link String} is str, {@link List} is list and {@link Map} is dict. The built-ins reproduce DataCater's
 * Python functions, so they need Python's type names (for error messages), truthiness, {@code str()} and
 * {@code repr()}, {@code int()} and {@code float()}, {@code ==}, {@code <}, {@code >} and {@code in}. Binary
 * arithmetic is in {@link PythonArithmetic}, string methods in {@link PythonStrings}.
 * <p>Errors are {@link RecordError}s named and worded like Python's exceptions.
 */
public final class PythonSemantics {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PythonSemantics() {
    }

    // ---- types -------------------------------------------------------------------------------------------

    /** Python's {@code type(value).__name__}: NoneType, bool, int, float, str, list or dict. */
    public static String typeName(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (isInt(value)) {
            return "int";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof Map<?, ?>) {
            return "dict";
        }
        return value.getClass().getSimpleName();
    }

    /** An int proper (not a bool). */
    public static boolean isInt(Object value) {
        return value instanceof Long || value instanceof BigInteger || value instanceof Integer
                || value instanceof Short || value instanceof Byte;
    }

    /** Python's {@code isinstance(value, int)}, which is true for bools too. */
    public static boolean isIntLike(Object value) {
        return value instanceof Boolean || isInt(value);
    }

    /** Python's {@code isinstance(value, float)}. */
    public static boolean isFloat(Object value) {
        return value instanceof Double || value instanceof Float;
    }

    /** A bool, int or float. */
    public static boolean isNumber(Object value) {
        return isIntLike(value) || isFloat(value);
    }

    /** The int value of a bool or int. */
    public static BigInteger toBigInteger(Object intLike) {
        if (intLike instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (intLike instanceof BigInteger b) {
            return b;
        }
        if (isInt(intLike)) {
            return BigInteger.valueOf(((Number) intLike).longValue());
        }
        throw new IllegalArgumentException("not an int: " + typeName(intLike));
    }

    /** An int result in its canonical form: a Long when it fits, else a BigInteger. */
    public static Object normalize(BigInteger value) {
        return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0 ? (Object) value.longValue() : value;
    }

    /** The float value of a bool, int or float, raising OverflowError for an int beyond the float range. */
    public static double toDouble(Object number) {
        if (isFloat(number)) {
            return ((Number) number).doubleValue();
        }
        if (number instanceof Long l) {
            return l;
        }
        double d = toBigInteger(number).doubleValue();
        if (Double.isInfinite(d)) {
            throw new RecordError("OverflowError", "int too large to convert to float");
        }
        return d;
    }

    // ---- truthiness, str(), repr() ----------------------------------------------------------------------

    /** Python's {@code bool(value)}: None, False, 0, 0.0, "", [] and {} are false; everything else is true. */
    public static boolean isTruthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof BigInteger b) {
            return b.signum() != 0;
        }
        if (value instanceof Number n) {
            return isFloat(n) ? n.doubleValue() != 0 : n.longValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** Python's {@code str(value)}: a string as it is, anything else as {@link #repr}. */
    public static String str(Object value) {
        return value instanceof String s ? s : repr(value);
    }

    /**
     * Python's {@code repr(value)}: {@code None}, {@code True}, {@code 15}, {@code 15.0}, {@code 'text'},
     * {@code [1, 'a']}, {@code {'a': 1}}.
     */
    public static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    /** Python's {@code repr()} of a float: the shortest round-tripping digits, as in {@code 1e+16} or {@code 0.1}. */
    public static String floatRepr(double value) {
        return FloatRepr.of(value);
    }

    private static void appendRepr(StringBuilder out, Object value) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (isInt(value)) {
            out.append(value);
        } else if (isFloat(value)) {
            out.append(floatRepr(((Number) value).doubleValue()));
        } else if (value instanceof String s) {
            appendStringRepr(out, s);
        } else if (value instanceof List<?> list) {
            out.append('[');
            String separator = "";
            for (Object element : list) {
                out.append(separator);
                appendRepr(out, element);
                separator = ", ";
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                appendRepr(out, entry.getKey());
                out.append(": ");
                appendRepr(out, entry.getValue());
                separator = ", ";
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }

    /** Python's string repr: single quotes unless the text has ' and no ", non-printables escaped. */
    private static void appendStringRepr(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f || isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        }
        out.append(quote);
    }

    /** Python's {@code str.isprintable()} for one code point: not a control, format, separator or unassigned. */
    private static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    // ---- int(), float() ---------------------------------------------------------------------------------

    /**
     * Python's {@code int(value)}: bools give 0/1, floats truncate toward zero, strings must hold an integer
     * literal (with optional whitespace, sign and {@code _} separators). Returns a Long or BigInteger.
     */
    public static Object toInt(Object value) {
        if (isIntLike(value)) {
            return normalize(toBigInteger(value));
        }
        if (isFloat(value)) {
            return integral(((Number) value).doubleValue(), RoundingMode.DOWN);
        }
        if (value instanceof String s) {
            return normalize(PythonSyntax.parseInt(s).orElseThrow(
                    () -> RecordError.valueError("invalid literal for int() with base 10: " + repr(s))));
        }
        throw RecordError.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + typeName(value) + "'");
    }

    /**
     * A float as a Python int, rounded with {@code mode} ({@code DOWN} for {@code int()}, {@code CEILING}
     * and {@code FLOOR} for {@code math.ceil}/{@code math.floor}), with Python's errors for NaN and infinity.
     */
    public static Object integral(double d, RoundingMode mode) {
        if (Double.isNaN(d)) {
            throw RecordError.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw new RecordError("OverflowError", "cannot convert float infinity to integer");
        }
        return normalize(new BigDecimal(d).setScale(0, mode).toBigInteger());
    }

    /** Python's {@code float(value)}: numbers convert, strings such as {@code " 1e3 "}, {@code "inf"} parse. */
    public static double toFloat(Object value) {
        if (isNumber(value)) {
            return toDouble(value);
        }
        if (value instanceof String s) {
            var parsed = PythonSyntax.parseFloat(s);
            if (parsed.isEmpty()) {
                throw RecordError.valueError("could not convert string to float: " + repr(s));
            }
            return parsed.getAsDouble();
        }
        throw RecordError.typeError("float() argument must be a string or a real number, not '" + typeName(value) + "'");
    }

    // ---- ==, <, >, in -----------------------------------------------------------------------------------

    /**
     * Python's {@code a == b}: numbers by exact value across bool, int and float ({@code 1 == 1.0 == True},
     * NaN equals nothing), strings, lists element by element, dicts by their entries; other mixes are unequal.
     */
    public static boolean pyEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isNumber(a) && isNumber(b)) {
            Integer order = compareNumbers(a, b);
            return order != null && order == 0;
        }
        if (a instanceof String || b instanceof String) {
            return a.equals(b);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!pyEquals(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !pyEquals(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Python's {@code a > b}; TypeError for values Python cannot order, such as a str and an int. */
    public static boolean greaterThan(Object a, Object b) {
        return order(">", a, b);
    }

    /** Python's {@code a < b}; TypeError for values Python cannot order, such as a str and an int. */
    public static boolean lessThan(Object a, Object b) {
        return order("<", a, b);
    }

    private static boolean order(String operator, Object a, Object b) {
        boolean greater = operator.equals(">");
        if (isNumber(a) && isNumber(b)) {
            Integer order = compareNumbers(a, b);
            return order != null && (greater ? order > 0 : order < 0);
        }
        if (a instanceof String x && b instanceof String y) {
            int order = compareCodePoints(x, y);
            return greater ? order > 0 : order < 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            // Lexicographic: the first differing elements decide, else the shorter list is smaller.
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext() && j.hasNext()) {
                Object p = i.next();
                Object q = j.next();
                if (!pyEquals(p, q)) {
                    return order(operator, p, q);
                }
            }
            return greater ? x.size() > y.size() : x.size() < y.size();
        }
        throw RecordError.typeError("'" + operator + "' not supported between instances of '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    /** Orders two numbers exactly, as Python does (no rounding of big ints to float); null when NaN is involved. */
    private static Integer compareNumbers(Object a, Object b) {
        if (isIntLike(a) && isIntLike(b)) {
            if (a instanceof BigInteger || b instanceof BigInteger) {
                return toBigInteger(a).compareTo(toBigInteger(b));
            }
            return Long.compare(toBigInteger(a).longValue(), toBigInteger(b).longValue());
        }
        if (isFloat(a) && isFloat(b)) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return null;
            }
            return Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y); // -0.0 == 0.0 in Python
        }
        if (isFloat(a)) {
            Integer reversed = compareIntWithFloat(toBigInteger(b), ((Number) a).doubleValue());
            return reversed == null ? null : -reversed;
        }
        return compareIntWithFloat(toBigInteger(a), ((Number) b).doubleValue());
    }

    private static Integer compareIntWithFloat(BigInteger i, double d) {
        if (Double.isNaN(d)) {
            return null;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? -1 : 1;
        }
        return new BigDecimal(i).compareTo(new BigDecimal(d));
    }

    /** Python orders strings by code point; Java's compareTo orders UTF-16 units, which differs above U+FFFF. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /**
     * Python's {@code item in container}: a substring test for strings (the item must then be a string), element
     * membership for lists, key membership for dicts; TypeError for containers that are not iterable.
     */
    public static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (!(item instanceof String sub)) {
                throw RecordError.typeError("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.contains(sub);
        }
        if (container instanceof List<?> list) {
            for (Object element : list) {
                if (pyEquals(element, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Map<?, ?> map) {
            if (item instanceof List<?> || item instanceof Map<?, ?>) {
                throw RecordError.typeError("unhashable type: '" + typeName(item) + "'");
            }
            return item instanceof String && map.containsKey(item);
        }
        throw RecordError.typeError("argument of type '" + typeName(container) + "' is not iterable");
    }
}
