package io.datapipelines.runtime.diff;

import io.datapipelines.runtime.codec.JsonCodec;

/**
 * One difference inside a sink record: a field, key or header that the new revision added, removed or
 * changed. Paths are {@code key}, {@code value.amount}, {@code value.items[2].sku}, {@code headers.trace};
 * with several sink records per input (fan-out) they start with the record's index: {@code [1].value.sku}.
 *
 * @param oldValue the old revision's value (null when added)
 * @param newValue the new revision's value (null when removed)
 */
public record FieldChange(String path, Kind kind, Object oldValue, Object newValue) {

    public enum Kind {
        ADDED, REMOVED, CHANGED
    }

    /** {@code value.amount: 10.5 -> 10.0}, {@code value.note: added "x"}, {@code value.name: removed (was "Ada")}. */
    public String describe() {
        return switch (kind) {
            case ADDED -> path + ": added " + show(newValue);
            case REMOVED -> path + ": removed (was " + show(oldValue) + ")";
            case CHANGED -> {
                String oldType = ValueDiff.typeName(oldValue);
                String newType = ValueDiff.typeName(newValue);
                yield path + ": " + show(oldValue) + " -> " + show(newValue) + (oldType.equals(newType) ? "" : " (" + oldType + " -> " + newType + ")");
            }
        };
    }

    static String show(Object value) {
        try {
            String json = JsonCodec.toJson(value);
            return json.length() > 200 ? json.substring(0, 197) + "..." : json;
        } catch (RuntimeException e) {
            return String.valueOf(value);
        }
    }
}
