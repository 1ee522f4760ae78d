package io.datapipelines.runtime.diff;

import io.datapipelines.model.PipelineDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * Gathers the field types of both revisions' sink records. Called for every record, so it walks each value
     * along a tree of the paths seen (no path strings built per record) and keeps each path's types as bits.
     */
    static final class Collector {
        private static final String[] TYPES = {"null", "boolean", "integer", "float", "string", "object", "array", "other"};

        /** One path: the types seen there in each revision, and its children. */
        private static final class Node {
            int oldTypes;
            int newTypes;
            final Map<String, Node> children = new java.util.HashMap<>();
        }

        private final Node root = new Node();
        private long keysChanged;

        void add(RecordDiff diff) {
            if (diff.oldOutput() == diff.newOutput()) { // byte-identical outputs (PipelineComparison): one walk for both
                for (RevisionOutput.SinkRecord r : diff.oldOutput().sink()) {
                    collectBoth(r.value(), root);
                }
                return;
            }
            for (RevisionOutput.SinkRecord r : diff.oldOutput().sink()) {
                collect(r.value(), root, true);
            }
            for (RevisionOutput.SinkRecord r : diff.newOutput().sink()) {
                collect(r.value(), root, false);
            }
            for (FieldChange change : diff.changes()) {
                String path = change.path();
                if (path.equals("key") || path.endsWith("].key") || path.startsWith("key.") || path.startsWith("key[")) {
                    keysChanged++;
                    break;
                }
            }
        }

        ConsumerImpact impact(PipelineDefinition oldDefinition, PipelineDefinition newDefinition) {
            List<String> added = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            Map<String, String> typeChanges = new TreeMap<>();
            Map<String, Node> paths = new TreeMap<>();
            flatten(root, "value", paths);
            for (Map.Entry<String, Node> e : paths.entrySet()) {
                Node node = e.getValue();
                if (node.oldTypes == 0 && node.newTypes != 0) {
                    added.add(e.getKey());
                } else if (node.oldTypes != 0 && node.newTypes == 0) {
                    removed.add(e.getKey());
                } else if (node.oldTypes != node.newTypes) {
                    typeChanges.put(e.getKey(), names(node.oldTypes) + " -> " + names(node.newTypes));
                }
            }
            var oldSpec = oldDefinition.spec();
            var newSpec = newDefinition.spec();
            return new ConsumerImpact(oldSpec.sink().topic(), newSpec.sink().topic(),
                    oldSpec.sink().keyFormat().yamlName(), newSpec.sink().keyFormat().yamlName(),
                    oldSpec.sink().format().yamlName(), newSpec.sink().format().yamlName(),
                    keysChanged, added, removed, typeChanges);
        }

        private static void flatten(Node node, String path, Map<String, Node> out) {
            for (Map.Entry<String, Node> e : node.children.entrySet()) {
                String child = e.getKey().equals("[]") ? path + "[]" : path + "." + e.getKey();
                out.put(child, e.getValue());
                flatten(e.getValue(), child, out);
            }
        }

        private static String names(int bits) {
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < TYPES.length; i++) {
                if ((bits & (1 << i)) != 0) {
                    names.append(names.isEmpty() ? "" : "|").append(TYPES[i]);
                }
            }
            return names.toString();
        }

        private static int typeBit(Object value) {
            return 1 << switch (ValueDiff.typeName(value)) {
                case "null" -> 0;
                case "boolean" -> 1;
                case "integer" -> 2;
                case "float" -> 3;
                case "string" -> 4;
                case "object" -> 5;
                case "array" -> 6;
                default -> 7;
            };
        }

        /** Records the types of {@code value}'s fields under {@code node}: object fields by name, list items' fields under "[]". */
        /** {@link #collect} for a value both revisions gave: its types count for each. */
        private static void collectBoth(Object value, Node node) {
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    Node child = node.children.computeIfAbsent(String.valueOf(e.getKey()), k -> new Node());
                    int type = typeBit(e.getValue());
                    child.oldTypes |= type;
                    child.newTypes |= type;
                    collectBoth(e.getValue(), child);
                }
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?>) {
                        collectBoth(item, node.children.computeIfAbsent("[]", k -> new Node()));
                    }
                }
            }
        }

        private static void collect(Object value, Node node, boolean old) {
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    Node child = node.children.computeIfAbsent(String.valueOf(e.getKey()), k -> new Node());
                    if (old) {
                        child.oldTypes |= typeBit(e.getValue());
                    } else {
                        child.newTypes |= typeBit(e.getValue());
                    }
                    collect(e.getValue(), child, old);
                }
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?>) {
                        collect(item, node.children.computeIfAbsent("[]", k -> new Node()), old);
                    }
                }
            }
        }
    }
}
