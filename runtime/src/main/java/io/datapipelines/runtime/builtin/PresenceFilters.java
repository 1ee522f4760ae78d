package io.datapipelines.runtime.builtin;

import io.datapipelines.runtime.step.FieldFilter;

/**
 * empty and not-empty: whether the field is None (missing or JSON null). {@code ""}, {@code []} and {@code 0}
 * are values, so they are not empty.
 */
final class PresenceFilters {

    private PresenceFilters() {
    }

    static FieldFilter empty(Config config) {
        return (value, row) -> value == null;
    }

    static FieldFilter notEmpty(Config config) {
        return (value, row) -> value != null;
    }
}
