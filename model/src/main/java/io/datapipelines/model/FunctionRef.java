package io.datapipelines.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A filter or transform as the definition names it: a built-in key and its config. Config values are
 * plain Java values as read from YAML/JSON: {@code null}, {@link Boolean}, {@link Long} or
 * {@link java.math.BigInteger}, {@link Double}, {@link String}, {@code List<Object>} and
 * {@code Map<String, Object>}. For user-defined keys, {@code config.file} has already been read into
 * {@code config.code}.
 *
 * @param path     the definition path, such as {@code spec.steps[1].fields.email.transform}
 * @param location where the reference starts
 * @param codeLocation for Python code, where its first line stands (the line after a {@code |} block
 *                     indicator, or line 1 of the file), so run-time tracebacks can name it; else null
 */
public record FunctionRef(String key, Map<String, Object> config, String path, Location location, Location codeLocation) {
    public FunctionRef {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** {@code config.code}, or null when absent. */
    public String code() {
        Object code = config.get("code");
        return code instanceof String s ? s : null;
    }
}
