package io.datapipelines.runtime.builtin;

import io.datapipelines.runtime.step.FieldTransform;
import io.datapipelines.runtime.step.RecordError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** new-field, replace-constant and replace-field: the field's value is replaced, whatever its type. */
final class ValueTransforms {

    private ValueTransforms() {
    }

    /** The configured default value (null when absent), overwriting any existing value. */
    static FieldTransform newField(Config config) {
        Object defaultValue = config.get("defaultValue");
        return (value, row) -> copy(defaultValue);
    }

    /** The configured value as given ({@code ""} included); unchanged only when it is missing or null. */
    static FieldTransform replaceConstant(Config config) {
        if (config.isAbsent("value")) {
            return (value, row) -> value;
        }
        Object constant = config.get("value");
        return (value, row) -> copy(constant);
    }

    /** {@code row[fieldName]}; unchanged only when the name is missing or null ({@code ""} is looked up). */
    static FieldTransform replaceField(Config config) {
        if (config.isAbsent("fieldName")) {
            return (value, row) -> value;
        }
        String fieldName = config.string("fieldName");
        return (value, row) -> field(row, fieldName);
    }

    /** Python's {@code row[fieldName]}: a present field may hold null; a missing one is a KeyError. */
    static Object field(Map<String, Object> row, String fieldName) {
        if (!row.containsKey(fieldName)) {
            throw RecordError.keyError(fieldName);
        }
        return row.get(fieldName);
    }

    /**
     * A config constant handed to a record gets its own copy of any list or dict, so that a later step changing
     * it in place (Python code may) cannot change the constant for the records after it.
     */
    private static Object copy(Object value) {
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(copy(element)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return copy;
        }
        return value;
    }
}
