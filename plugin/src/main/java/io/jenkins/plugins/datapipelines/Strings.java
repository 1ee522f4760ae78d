package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Form and configuration values arrive with stray blanks; an empty value means "not set". */
final class Strings {
    private Strings() {
    }

    static @CheckForNull String trimToNull(@CheckForNull String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    static String firstNonNull(@CheckForNull String first, @CheckForNull String second, String fallback) {
        return first != null ? first : second != null ? second : fallback;
    }
}
