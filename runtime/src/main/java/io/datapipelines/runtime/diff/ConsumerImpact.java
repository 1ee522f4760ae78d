package io.datapipelines.runtime.diff;

import io.datapipelines.model.PipelineDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changes for consumers of the sink: its topic and formats (from the definitions), how many records
 * got another key, and the value fields added, removed or changed in type (from the records both
 * revisions wrote: a field counts as present in a revision if any of its sink records has it).
 *
 * @param fieldsAdded   value paths only the new revision writes
 * @param fieldsRemoved value paths only the old revision writes
 * @param typeChanges   path to "old types -> new types", for paths both write with different types
 */
public record ConsumerImpact(String oldSinkTopic, String newSinkTopic, String oldKeyFormat, String newKeyFormat,
                             String oldValueFormat, String newValueFormat, long keysChanged,
                             List<String> fieldsAdded, List<String> fieldsRemoved, Map<String, String> typeChanges) {

    public ConsumerImpact {
        fieldsAdded = List.copyOf(fieldsAdded);
        fieldsRemoved = List.copyOf(fieldsRemoved);
        typeChanges = java.util.Collections.unmodifiableMap(new TreeMap<>(typeChanges));
    }

    public boolean sinkTopicChanged() {
        return !oldSinkTopic.equals(newSinkTopic);
    }

    public boolean formatChanged() {
        return !oldKeyFormat.equals(newKeyFormat) || !oldValueFormat.equals(newValueFormat);
    }

    /** True when consumers would notice nothing but changed values. */
    public boolean none() {
        return !sinkTopicChanged() && !formatChanged() && keysChanged == 0 && fieldsAdded.isEmpty() && fieldsRemoved.isEmpty() && typeChanges.isEmpty();
    }

    /** Gathers the field types of both revisions' sink records. */
    static final class Collector {
        private final Map<String, Set<String>> oldTypes = new TreeMap<>();
        private final Map<String, Set<String>> newTypes = new TreeMap<>();
        private long keysChanged;

        void add(RecordDiff diff) {
            diff.oldOutput().sink().forEach(r -> collect(r.value(), "value", oldTypes));
            diff.newOutput().sink().forEach(r -> collect(r.value(), "value", newTypes));
            if (diff.changes().stream().anyMatch(c -> c.path().equals("key") || c.path().endsWith("].key") || c.path().startsWith("key."))) {
                keysChanged++;
            }
        }

        ConsumerImpact impact(PipelineDefinition oldDefinition, PipelineDefinition newDefinition) {
            List<String> added = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            Map<String, String> typeChanges = new TreeMap<>();
            for (String path : newTypes.keySet()) {
                if (!oldTypes.containsKey(path)) {
                    added.add(path);
                } else if (!oldTypes.get(path).equals(newTypes.get(path))) {
                    typeChanges.put(path, String.join("|", oldTypes.get(path)) + " -> " + String.join("|", newTypes.get(path)));
                }
            }
            for (String path : oldTypes.keySet()) {
                if (!newTypes.containsKey(path)) {
                    removed.add(path);
                }
            }
            var oldSpec = oldDefinition.spec();
            var newSpec = newDefinition.spec();
            return new ConsumerImpact(oldSpec.sink().topic(), newSpec.sink().topic(),
                    oldSpec.sink().keyFormat().yamlName(), newSpec.sink().keyFormat().yamlName(),
                    oldSpec.sink().format().yamlName(), newSpec.sink().format().yamlName(),
                    keysChanged, added, removed, typeChanges);
        }

        private static void collect(Object value, String path, Map<String, Set<String>> types) {
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String child = path + "." + e.getKey();
                    types.computeIfAbsent(child, k -> new TreeSet<>()).add(ValueDiff.typeName(e.getValue()));
                    collect(e.getValue(), child, types);
                }
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?>) {
                        collect(item, path + "[]", types);
                    }
                }
            }
        }
    }
}
