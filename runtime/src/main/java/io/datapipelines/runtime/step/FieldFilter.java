package io.datapipelines.runtime.step;

import java.util.Map;

/** A filter in a field step: {@code filter(value, row)}. Passes when it returns true. */
@FunctionalInterface
public interface FieldFilter {

    /**
     * @param value the field's current value ({@code row.get(field)}: null when missing or JSON null)
     * @param row   the record's value object as it stands, including earlier changes in the same step
     * @throws RecordError when the record cannot be filtered
     */
    boolean test(Object value, Map<String, Object> row);
}
