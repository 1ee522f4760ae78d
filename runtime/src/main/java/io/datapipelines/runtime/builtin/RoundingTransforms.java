package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.PythonSemantics.isFloat;
import static io.datapipelines.runtime.builtin.PythonSemantics.isIntLike;
import static io.datapipelines.runtime.builtin.PythonSemantics.normalize;
import static io.datapipelines.runtime.builtin.PythonSemantics.toBigInteger;
import static io.datapipelines.runtime.builtin.PythonSemantics.typeName;

import io.datapipelines.runtime.step.FieldTransform;
import io.datapipelines.runtime.step.RecordError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** round, ceil and floor, with Python's {@code round()}, {@code math.ceil()} and {@code math.floor()}. */
final class RoundingTransforms {

    /** CPython's limits: beyond 323 places a float is returned as it is; below -308 it rounds to zero. */
    private static final int FLOAT_DIGITS_MAX = 323;
    private static final int FLOAT_DIGITS_MIN = -308;

    private RoundingTransforms() {
    }

    /**
     * {@code round(value, int(precision))}; unchanged when precision is missing, null or {@code ""}. A float stays
     * a float and an int (or bool) gives an int; both round half to even, floats on their exact binary value.
     */
    static FieldTransform round(Config config) {
        if (config.isBlank("precision")) {
            return (value, row) -> value;
        }
        long digits = ((Number) PythonSemantics.toInt(config.get("precision"))).longValue();
        return (value, row) -> {
            if (isFloat(value)) {
                return roundFloat(((Number) value).doubleValue(), digits);
            }
            if (isIntLike(value)) {
                return roundInt(toBigInteger(value), digits);
            }
            throw RecordError.typeError("type " + typeName(value) + " doesn't define __round__ method");
        };
    }

    /** {@code math.ceil(value)}: an int. */
    static FieldTransform ceil(Config config) {
        return (value, row) -> toIntegral(value, RoundingMode.CEILING);
    }

    /** {@code math.floor(value)}: an int. */
    static FieldTransform floor(Config config) {
        return (value, row) -> toIntegral(value, RoundingMode.FLOOR);
    }

    static double roundFloat(double x, long digits) {
        if (!Double.isFinite(x) || digits > FLOAT_DIGITS_MAX) {
            return x;
        }
        if (digits < FLOAT_DIGITS_MIN) {
            return Math.copySign(0.0, x);
        }
        // new BigDecimal(double) is the exact binary value, so 2.675 (really 2.67499999...) rounds to 2.67.
        double rounded = new BigDecimal(x).setScale((int) digits, RoundingMode.HALF_EVEN).doubleValue();
        if (Double.isInfinite(rounded)) {
            throw new RecordError("OverflowError", "rounded value too large to represent");
        }
        return rounded == 0 ? Math.copySign(0.0, x) : rounded;
    }

    static Object roundInt(BigInteger value, long digits) {
        if (digits >= 0) {
            return normalize(value);
        }
        // Rounding to more places than the number has gives 0 (and avoids a huge scale).
        if (-digits > value.abs().toString().length()) {
            return 0L;
        }
        return normalize(new BigDecimal(value).setScale((int) digits, RoundingMode.HALF_EVEN).toBigInteger());
    }

    private static Object toIntegral(Object value, RoundingMode mode) {
        if (isIntLike(value)) {
            return normalize(toBigInteger(value));
        }
        if (isFloat(value)) {
            return PythonSemantics.integral(((Number) value).doubleValue(), mode);
        }
        throw RecordError.typeError("must be real number, not " + typeName(value));
    }
}
