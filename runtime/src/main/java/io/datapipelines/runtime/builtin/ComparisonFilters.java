package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.PythonSemantics.isFloat;
import static io.datapipelines.runtime.builtin.PythonSemantics.isIntLike;

import io.datapipelines.runtime.step.FieldFilter;

/**
 * equal, not-equal, greater-than and less-than. The field's type decides how the config is read, as in the
 * reference: a bool field compares with "is the config a truthy word", an int field with {@code int(cfg)}, a
 * float field with {@code float(cfg)}, and anything else with the config as it is.
 */
final class ComparisonFilters {

    private ComparisonFilters() {
    }

    /** Passes when no value is configured; else the comparisons above with {@code ==}. */
    static FieldFilter equal(Config config) {
        if (config.isAbsent("value")) {
            return (value, row) -> true;
        }
        NumericConstant expected = new NumericConstant(config.get("value"));
        return (value, row) -> isEqual(value, expected);
    }

    /**
     * The negation of equal's comparisons, but without its pass-through for a missing config: the reference
     * compares with None then, so an int or float field raises TypeError ({@code int(None)}), a bool field
     * compares with false, and any other field is "not equal" unless it is None itself.
     */
    static FieldFilter notEqual(Config config) {
        NumericConstant expected = new NumericConstant(config.get("value"));
        return (value, row) -> !isEqual(value, expected);
    }

    static FieldFilter greaterThan(Config config) {
        return ordering(config, true);
    }

    static FieldFilter lessThan(Config config) {
        return ordering(config, false);
    }

    private static boolean isEqual(Object value, NumericConstant expected) {
        if (value instanceof Boolean b) {
            return b == TruthyWords.isTrue(expected.raw());
        }
        if (isIntLike(value)) {
            return PythonSemantics.pyEquals(value, expected.asInt());
        }
        if (isFloat(value)) {
            return PythonSemantics.pyEquals(value, expected.asFloat());
        }
        return PythonSemantics.pyEquals(value, expected.raw());
    }

    /** Passes when no bound is configured; strings compare by code point, a str with a number is a TypeError. */
    private static FieldFilter ordering(Config config, boolean greater) {
        if (config.isAbsent("value")) {
            return (value, row) -> true;
        }
        NumericConstant bound = new NumericConstant(config.get("value"));
        return (value, row) -> {
            Object other = isIntLike(value) ? bound.asInt() : isFloat(value) ? bound.asFloat() : bound.raw();
            return greater ? PythonSemantics.greaterThan(value, other) : PythonSemantics.lessThan(value, other);
        };
    }
}
