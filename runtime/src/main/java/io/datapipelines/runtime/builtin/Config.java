package io.datapipelines.runtime.builtin;

import java.util.Map;

/**
 * A built-in's config as its factory reads it once. The reference distinguishes three ways a parameter can be
 * "not given" and the built-ins differ in which they honour: a missing key, a null value, and {@code ""}.
 */
final class Config {
    private final Map<String, Object> values;

    Config(Map<String, Object> values) {
        this.values = values;
    }

    /** The value, or null when missing. */
    Object get(String name) {
        return values.get(name);
    }

    /** The key is present (possibly with a null value). */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Missing or null: what {@code config.get(name) is None} tests in the reference. */
    boolean isAbsent(String name) {
        return values.get(name) == null;
    }

    /** Missing, null or {@code ""}: the reference's most common "not configured" test. */
    boolean isBlank(String name) {
        Object value = values.get(name);
        return value == null || "".equals(value);
    }

    /** A parameter the catalogue's check guarantees to be a string when given. */
    String string(String name) {
        return (String) values.get(name);
    }
}
