package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.PythonSemantics.isFloat;
import static io.datapipelines.runtime.builtin.PythonSemantics.isIntLike;
import static io.datapipelines.runtime.builtin.PythonSemantics.isNumber;
import static io.datapipelines.runtime.builtin.PythonSemantics.normalize;
import static io.datapipelines.runtime.builtin.PythonSemantics.toBigInteger;
import static io.datapipelines.runtime.builtin.PythonSemantics.toDouble;
import static io.datapipelines.runtime.builtin.PythonSemantics.typeName;

import io.datapipelines.runtime.step.RecordError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Python 3's binary operators {@code + - * / %} on plain Java values. Numbers follow Python's rules: bool counts
 * as int, int with int stays an arbitrary-precision int (except {@code /}, which is true division and always
 * gives a float), int with float gives a float, {@code %} takes the sign of the divisor. Sequences: str and
 * list concatenate with {@code +} and repeat with {@code *} by an int. Anything else is a TypeError with
 * Python's message.
 */
public final class PythonArithmetic {

    /** The operators the arithmetic built-ins use. */
    public enum Operator {
        ADD("+"),
        SUBTRACT("-"),
        MULTIPLY("*"),
        TRUE_DIVIDE("/"),
        MODULO("%");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The Python spelling, as in error messages. */
        public String symbol() {
            return symbol;
        }

        /** {@code a <op> b} as Python computes it. */
        public Object apply(Object a, Object b) {
            return PythonArithmetic.apply(this, a, b);
        }
    }

    private static final BigInteger FLOAT_EXACT_LIMIT = BigInteger.ONE.shiftLeft(53);
    /** Enough digits that rounding the quotient to a double is, in practice, the correctly rounded result. */
    private static final MathContext DIVISION_CONTEXT = new MathContext(60, RoundingMode.HALF_EVEN);

    private PythonArithmetic() {
    }

    /** {@code a <op> b} as Python computes it. */
    public static Object apply(Operator op, Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isFloat(a) || isFloat(b)) {
                return floatOp(op, toDouble(a), toDouble(b));
            }
            return intOp(op, toBigInteger(a), toBigInteger(b), a instanceof Long && b instanceof Long);
        }
        if (op == Operator.ADD) {
            return concatenate(a, b);
        }
        if (op == Operator.MULTIPLY && (isSequence(a) || isSequence(b))) {
            return repeat(a, b);
        }
        if (op == Operator.MODULO && a instanceof String) {
            // Python would apply printf-style formatting here ("%d" % 3); the built-ins are numeric, so that is
            // not reproduced: it is reported instead of guessed.
            throw unsupported(op, a, b, " (printf-style string formatting is not supported)");
        }
        throw unsupported(op, a, b, "");
    }

    private static RecordError unsupported(Operator op, Object a, Object b, String detail) {
        return RecordError.typeError("unsupported operand type(s) for " + op.symbol() + ": '" + typeName(a) + "' and '"
                + typeName(b) + "'" + detail);
    }

    private static boolean isSequence(Object value) {
        return value instanceof String || value instanceof List<?>;
    }

    private static Object concatenate(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x + y;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> joined = new ArrayList<>(x.size() + y.size());
            joined.addAll(x);
            joined.addAll(y);
            return joined;
        }
        if (a instanceof String) {
            throw RecordError.typeError("can only concatenate str (not \"" + typeName(b) + "\") to str");
        }
        if (a instanceof List<?>) {
            throw RecordError.typeError("can only concatenate list (not \"" + typeName(b) + "\") to list");
        }
        throw unsupported(Operator.ADD, a, b, "");
    }

    private static Object repeat(Object a, Object b) {
        Object sequence = isSequence(a) ? a : b;
        Object count = sequence == a ? b : a;
        if (!isIntLike(count)) {
            throw RecordError.typeError("can't multiply sequence by non-int of type '" + typeName(count) + "'");
        }
        BigInteger times = toBigInteger(count).max(BigInteger.ZERO);
        int length = sequence instanceof String s ? s.length() : ((List<?>) sequence).size();
        if (length > 0 && times.multiply(BigInteger.valueOf(length)).compareTo(BigInteger.valueOf(Integer.MAX_VALUE - 8)) > 0) {
            throw new RecordError("MemoryError", "repeating a " + typeName(sequence) + " of length " + length + " "
                    + times + " times is too large");
        }
        int n = length == 0 ? 0 : times.intValueExact();
        if (sequence instanceof String s) {
            return s.repeat(n);
        }
        List<Object> repeated = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            repeated.addAll((List<?>) sequence);
        }
        return repeated;
    }

    private static Object intOp(Operator op, BigInteger a, BigInteger b, boolean bothLong) {
        if (bothLong && op != Operator.TRUE_DIVIDE) {
            Object fast = longOp(op, a.longValue(), b.longValue());
            if (fast != null) {
                return fast;
            }
        }
        return switch (op) {
            case ADD -> normalize(a.add(b));
            case SUBTRACT -> normalize(a.subtract(b));
            case MULTIPLY -> normalize(a.multiply(b));
            case TRUE_DIVIDE -> trueDivide(a, b);
            case MODULO -> {
                if (b.signum() == 0) {
                    throw RecordError.zeroDivision("integer modulo by zero");
                }
                BigInteger r = a.mod(b.abs());
                // mod() is never negative; Python's result has the sign of the divisor.
                yield normalize(b.signum() < 0 && r.signum() != 0 ? r.add(b) : r);
            }
        };
    }

    /** Long arithmetic where it cannot overflow; null to fall back to BigInteger. */
    private static Object longOp(Operator op, long a, long b) {
        try {
            return switch (op) {
                case ADD -> Math.addExact(a, b);
                case SUBTRACT -> Math.subtractExact(a, b);
                case MULTIPLY -> Math.multiplyExact(a, b);
                case MODULO -> {
                    if (b == 0) {
                        throw RecordError.zeroDivision("integer modulo by zero");
                    }
                    yield Math.floorMod(a, b);
                }
                case TRUE_DIVIDE -> null;
            };
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** int / int: Python rounds the exact quotient once; doubles are exact below 2^53, so that case is direct. */
    private static double trueDivide(BigInteger a, BigInteger b) {
        if (b.signum() == 0) {
            throw RecordError.zeroDivision("division by zero");
        }
        if (a.abs().compareTo(FLOAT_EXACT_LIMIT) <= 0 && b.abs().compareTo(FLOAT_EXACT_LIMIT) <= 0) {
            return a.doubleValue() / b.doubleValue();
        }
        double quotient = new BigDecimal(a).divide(new BigDecimal(b), DIVISION_CONTEXT).doubleValue();
        if (Double.isInfinite(quotient)) {
            throw new RecordError("OverflowError", "integer division result too large for a float");
        }
        return quotient;
    }

    private static double floatOp(Operator op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case TRUE_DIVIDE -> {
                if (b == 0) {
                    throw RecordError.zeroDivision("float division by zero");
                }
                yield a / b;
            }
            case MODULO -> {
                if (b == 0) {
                    throw RecordError.zeroDivision("float modulo");
                }
                // CPython's float_rem: C fmod (Java's %), then moved into the divisor's sign.
                double mod = a % b;
                if (mod != 0) {
                    if ((b < 0) != (mod < 0)) {
                        mod += b;
                    }
                } else {
                    mod = Math.copySign(0.0, b);
                }
                yield mod;
            }
        };
    }
}
