package io.datapipelines.runtime.builtin;

import java.util.Set;

/**
 * DataCater's notion of "true" used by cast-data-type (to boolean) and by equal/not-equal on bool fields:
 * membership in {@code ["true", "True", "TRUE", "t", "y", "yes", "1", 1]} with Python's {@code in}, which
 * compares with {@code ==}, so the numbers 1, 1.0 and True count too. Everything else is false, including
 * {@code "Yes"}, {@code "T"}, {@code 0} and None.
 */
final class TruthyWords {
    private static final Set<String> WORDS = Set.of("true", "True", "TRUE", "t", "y", "yes", "1");

    private TruthyWords() {
    }

    static boolean isTrue(Object value) {
        if (value instanceof String s) {
            return WORDS.contains(s);
        }
        return PythonSemantics.isNumber(value) && PythonSemantics.pyEquals(value, 1L);
    }
}
