package io.datapipelines.runtime.step;

import java.util.List;
import java.util.Map;

/**
 * A Field step, evaluated in two passes over its fields in document order (catalogue §1.5): first the
 * filters and ordinary transforms, then the four "post" transforms (cast-data-type, drop-field,
 * new-field, rename-field). The value object is changed in place, so a later field sees the changes of
 * an earlier one, and pass-1 transforms see the value before any rename, drop, cast or new field.
 */
final class CompiledFieldStep implements CompiledStep {

    /** One field entry. {@code transform} is null for a filter-only entry. */
    record Entry(String field, FieldFilter filter, FieldOperation transform, boolean post) {
    }

    /**
     * What a transform does to the row: most assign their result to the field; drop-field and
     * rename-field move keys, which is why this is not simply a {@link FieldTransform}.
     */
    interface FieldOperation {
        void apply(String field, Map<String, Object> row);

        static FieldOperation assign(FieldTransform transform) {
            return (field, row) -> row.put(field, transform.apply(row.get(field), row));
        }

        FieldOperation DROP = (field, row) -> {
            if (!row.containsKey(field)) {
                throw RecordError.keyError(field);
            }
            row.remove(field);
        };

        /** Python's {@code row[new] = row.pop(field)}: a new name goes to the end; an existing one keeps its place. */
        static FieldOperation rename(String newName) {
            return (field, row) -> {
                if (!row.containsKey(field)) {
                    throw RecordError.keyError(field);
                }
                row.put(newName, row.remove(field));
            };
        }
    }

    private final String path;
    private final List<Entry> entries;

    CompiledFieldStep(String path, List<Entry> entries) {
        this.path = path;
        this.entries = List.copyOf(entries);
    }

    @Override
    public List<PipelineRecord> apply(PipelineRecord record) throws StepFailure {
        if (!(record.value() instanceof Map)) {
            String first = entries.isEmpty() ? "" : entries.get(0).field();
            throw StepFailure.of(fieldPath(first), RecordError.attributeError(
                    "a Field step needs the record value to be an object, not " + typeName(record.value())));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) record.value();
        // Pass 1: filters and ordinary transforms. A failing filter without a transform drops the record.
        for (Entry entry : entries) {
            if (entry.post()) {
                continue;
            }
            try {
                boolean passed = entry.filter() == null || entry.filter().test(row.get(entry.field()), row);
                if (!passed && entry.transform() == null) {
                    return List.of();
                }
                if (passed && entry.transform() != null) {
                    entry.transform().apply(entry.field(), row);
                }
            } catch (RecordError e) {
                throw StepFailure.of(fieldPath(entry.field()), e);
            }
        }
        // Pass 2: post transforms. Here a failing filter only skips the transform, never drops the record.
        for (Entry entry : entries) {
            if (!entry.post()) {
                continue;
            }
            try {
                if (entry.filter() == null || entry.filter().test(row.get(entry.field()), row)) {
                    entry.transform().apply(entry.field(), row);
                }
            } catch (RecordError e) {
                throw StepFailure.of(fieldPath(entry.field()), e);
            }
        }
        return List.of(record);
    }

    private String fieldPath(String field) {
        return path + ".fields[" + field + "]";
    }

    private static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof List) {
            return "a list";
        } else if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }
}
