package io.datapipelines.runtime.builtin;

import io.datapipelines.runtime.step.RecordError;

import java.util.function.Supplier;

/**
 * A config value used as a number: the reference converts it with {@code int(cfg)} when the field holds an int
 * and with {@code float(cfg)} when it holds a float, so both conversions are done once, up front. A conversion
 * that fails (for example {@code int("2.5")}) only fails the records that need it, each with its own error.
 */
final class NumericConstant {
    private final Object raw;
    private final Conversion asInt;
    private final Conversion asFloat;

    NumericConstant(Object raw) {
        this.raw = raw;
        this.asInt = Conversion.of(() -> PythonSemantics.toInt(raw));
        this.asFloat = Conversion.of(() -> PythonSemantics.toFloat(raw));
    }

    /** The config value as given. */
    Object raw() {
        return raw;
    }

    /** {@code int(cfg)}: a Long or BigInteger. */
    Object asInt() {
        return asInt.get();
    }

    /** {@code float(cfg)}. */
    Double asFloat() {
        return (Double) asFloat.get();
    }

    /** What a user would call the constant's type: int for {@code 3} and {@code "3"}, float for {@code "2.5"}. */
    String typeName() {
        if (raw instanceof String) {
            return asInt.failed() ? "float" : "int";
        }
        return PythonSemantics.typeName(raw);
    }

    /** The outcome of one conversion: its value, or the error to raise (afresh) each time it is needed. */
    private record Conversion(Object value, String errorClass, String errorMessage) {
        static Conversion of(Supplier<Object> conversion) {
            try {
                return new Conversion(conversion.get(), null, null);
            } catch (RecordError e) {
                return new Conversion(null, e.errorClass(), e.getMessage());
            }
        }

        boolean failed() {
            return errorClass != null;
        }

        Object get() {
            if (failed()) {
                throw new RecordError(errorClass, errorMessage);
            }
            return value;
        }
    }
}
