package io.datapipelines.runtime.step;

import java.util.Map;

/** A transform in a field step: {@code transform(value, row)} gives the field's new value. */
@FunctionalInterface
public interface FieldTransform {

    /**
     * @param value the field's current value ({@code row.get(field)}: null when missing or JSON null)
     * @param row   the record's value object; a transform must not change it (the engine assigns the result)
     * @throws RecordError when the record cannot be transformed
     */
    Object apply(Object value, Map<String, Object> row);
}
