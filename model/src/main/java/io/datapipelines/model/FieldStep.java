package io.datapipelines.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kind: Field}: per top-level field of the record value, a filter, a transform or both. The map
 * keeps the order of the document, which is the order of evaluation.
 */
public record FieldStep(String name, Map<String, FieldEntry> fields, Location location) implements Step {
    public FieldStep {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
