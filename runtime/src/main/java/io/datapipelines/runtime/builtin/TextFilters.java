package io.datapipelines.runtime.builtin;

import io.datapipelines.model.builtin.PythonRegex;
import io.datapipelines.runtime.step.FieldFilter;
import io.datapipelines.runtime.step.RecordError;

import java.util.regex.Pattern;

/**
 * contain, start-with, end-with and reg-exp: tests of a field's text. All pass when no value is configured
 * (missing or null), as in the reference.
 */
final class TextFilters {

    private TextFilters() {
    }

    /** Python's {@code cfg in value}: substring for strings, element for lists, key for dicts. */
    static FieldFilter contain(Config config) {
        if (config.isAbsent("value")) {
            return (value, row) -> true;
        }
        Object needle = config.get("value");
        return (value, row) -> PythonSemantics.contains(value, needle);
    }

    /** {@code value.startswith(cfg)}: AttributeError for a value that is not a string (None included). */
    static FieldFilter startWith(Config config) {
        if (config.isAbsent("value")) {
            return (value, row) -> true;
        }
        String prefix = config.string("value");
        return (value, row) -> text(value, "startswith").startsWith(prefix);
    }

    /** {@code value.endswith(cfg)}. */
    static FieldFilter endWith(Config config) {
        if (config.isAbsent("value")) {
            return (value, row) -> true;
        }
        String suffix = config.string("value");
        return (value, row) -> text(value, "endswith").endsWith(suffix);
    }

    /** Python's {@code re.match(cfg, value)}: anchored at the start only, a prefix match. */
    static FieldFilter regExp(Config config) {
        if (config.isAbsent("value")) {
            return (value, row) -> true;
        }
        Pattern pattern = PythonRegex.compile(config.string("value"));
        return (value, row) -> {
            if (!(value instanceof String s)) {
                throw RecordError.typeError("expected string or bytes-like object, got '" + PythonSemantics.typeName(value) + "'");
            }
            return pattern.matcher(s).lookingAt();
        };
    }

    /** The value as a string, or the AttributeError Python raises when calling a str method on another type. */
    static String text(Object value, String method) {
        if (value instanceof String s) {
            return s;
        }
        throw RecordError.attributeError("'" + PythonSemantics.typeName(value) + "' object has no attribute '" + method + "'");
    }
}
