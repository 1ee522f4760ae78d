package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.TextFilters.text;

import io.datapipelines.runtime.step.FieldTransform;
import io.datapipelines.runtime.step.RecordError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** tokenize, truncate-words and truncate-characters: cutting a string into pieces, or keeping its start. */
final class SplitTransforms {

    private SplitTransforms() {
    }

    /**
     * {@code value.split(token)}, a list of strings. The token defaults to a single space when the key is
     * missing; an explicit null token means Python's whitespace splitting (runs collapse, ends are trimmed).
     */
    static FieldTransform tokenize(Config config) {
        boolean whitespace = config.has("token") && config.isAbsent("token");
        String token = config.has("token") ? config.string("token") : " ";
        return (value, row) -> {
            String s = text(value, "split");
            return new ArrayList<Object>(whitespace ? PythonStrings.split(s) : PythonStrings.split(s, token));
        };
    }

    /**
     * {@code token.join(value.split(token)[:words])}: the first {@code words} pieces between exact tokens (no
     * collapsing, so {@code "a  b c"} at 2 is {@code "a "}); unchanged when words is missing, null or {@code ""}.
     */
    static FieldTransform truncateWords(Config config) {
        if (config.isBlank("words")) {
            return (value, row) -> value;
        }
        long words = count(config, "words");
        String token = config.has("token") ? config.string("token") : " ";
        return (value, row) -> {
            List<String> pieces = PythonStrings.split(text(value, "split"), token);
            return String.join(token, pieces.subList(0, (int) Math.min(words, pieces.size())));
        };
    }

    /**
     * {@code value[:characters]}: the first code points of a string, or the first elements of a list; unchanged
     * when characters is missing, null or {@code ""}.
     */
    static FieldTransform truncateCharacters(Config config) {
        if (config.isBlank("characters")) {
            return (value, row) -> value;
        }
        long characters = count(config, "characters");
        return (value, row) -> {
            if (value instanceof String s) {
                return PythonStrings.head(s, characters);
            }
            if (value instanceof List<?> list) {
                return new ArrayList<Object>(list.subList(0, (int) Math.min(characters, list.size())));
            }
            if (value instanceof Map<?, ?>) {
                throw RecordError.typeError("unhashable type: 'slice'");
            }
            throw RecordError.typeError("'" + PythonSemantics.typeName(value) + "' object is not subscriptable");
        };
    }

    /** {@code int(cfg)} of a count the catalogue's check has already found to be a non-negative integer. */
    private static long count(Config config, String name) {
        long n = ((Number) PythonSemantics.toInt(config.get(name))).longValue();
        if (n < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + n);
        }
        return n;
    }
}
