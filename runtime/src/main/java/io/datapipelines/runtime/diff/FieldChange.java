package io.datapipelines.runtime.diff;

import io.datapipelines.runtime.codec.JsonCodec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

    /**
     * Its JSON form, in {@code diff --output json}'s records and the shadow's sampled differences: {@code path},
     * {@code kind} (lower case), {@code old} unless added, {@code new} unless removed.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", path);
        json.put("kind", kind.name().toLowerCase(Locale.ROOT));
        if (kind != Kind.ADDED) {
            json.put("old", oldValue);
        }
        if (kind != Kind.REMOVED) {
            json.put("new", newValue);
        }
        return json;
    }

    /**
     * Reads {@link #toJson}'s form back (a sampled difference, as {@code deploy --shadow} reads it from the diff topic),
     * so that it is described in {@link #describe}'s words.
     *
     * @throws IllegalArgumentException when it has no path or a kind other than added, removed or changed
     */
    public static FieldChange fromJson(Map<?, ?> json) {
        if (!(json.get("path") instanceof String path) || !(json.get("kind") instanceof String kind)) {
            throw new IllegalArgumentException("not a field change: " + json);
        }
        try {
            return new FieldChange(path, Kind.valueOf(kind.toUpperCase(Locale.ROOT)), json.get("old"), json.get("new"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a field change (kind " + kind + "): " + json, e);
        }
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
