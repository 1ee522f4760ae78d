package io.datapipelines.model.yaml;

import io.datapipelines.model.Location;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mapping, with its entries in document order (duplicates kept so that they can be reported). */
public record MapNode(Location location, List<Entry> entries) implements SourceNode {

    public MapNode {
        entries = List.copyOf(entries);
    }

    /** One {@code key: value} pair; the key's own location is where a message about the key points. */
    public record Entry(String key, Location keyLocation, SourceNode value) {
    }

    /** The first entry with this key, or null. */
    public Entry entry(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    public SourceNode get(String key) {
        Entry e = entry(key);
        return e == null ? null : e.value();
    }

    @Override
    public Object toPlain() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.put(e.key(), e.value().toPlain());
        }
        return map;
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
