package io.datapipelines.model.yaml;

import io.datapipelines.model.Location;

import java.math.BigInteger;

/**
 * A scalar: null, Boolean, Long, BigInteger, Double or String, already resolved by the YAML 1.2 core
 * schema (or JSON).
 *
 * @param contentLocation where the text itself begins: for a YAML block scalar ({@code |} or {@code >})
 *                        the first content line, so that a line inside embedded Python code maps to a
 *                        definition line; otherwise the same as {@code location}
 */
public record ScalarNode(Location location, Object value, Location contentLocation) implements SourceNode {

    @Override
    public Object toPlain() {
        return value;
    }

    @Override
    public String describe() {
        return describe(value);
    }

    /** How a message names a value's type. */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof Long || value instanceof BigInteger) {
            return "an integer";
        } else if (value instanceof Double) {
            return "a number";
        }
        return value.getClass().getSimpleName();
    }
}
