package io.datapipelines.model;

import io.datapipelines.model.yaml.ListNode;
import io.datapipelines.model.yaml.MapNode;
import io.datapipelines.model.yaml.ScalarNode;
import io.datapipelines.model.yaml.SourceNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed access to a {@link SourceNode} tree that records a {@link Problem} (with location and path)
 * instead of throwing, so one validation run reports everything that is wrong. Accessors return null
 * when the value is missing or wrong; the caller goes on with what it has.
 */
final class NodeReader {
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    void report(Location location, String path, String message) {
        problems.add(new Problem(location, path, message));
    }

    /** {@code parent.key}, or {@code parent["odd key"]} for names that are not simple. */
    static String child(String parent, String key) {
        String part = SIMPLE_NAME.matcher(key).matches() ? key : "[\"" + key.replace("\"", "\\\"") + "\"]";
        if (parent.isEmpty()) {
            return part;
        }
        return part.startsWith("[") ? parent + part : parent + "." + part;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** The node as a mapping, or null (reported) when it is something else. */
    MapNode map(SourceNode node, String path) {
        if (node instanceof MapNode m) {
            return m;
        }
        report(node.location(), path, "must be a mapping, not " + node.describe());
        return null;
    }

    ListNode list(SourceNode node, String path) {
        if (node instanceof ListNode l) {
            return l;
        }
        report(node.location(), path, "must be a list, not " + node.describe());
        return null;
    }

    /**
     * Reports keys not in {@code allowed}, suggesting the nearest allowed key for a likely typo. Unknown
     * keys are errors: a misspelt setting must never be silently ignored. (Duplicate keys, anywhere in the
     * document, test data included, are reported once by {@link #checkNoDuplicateKeys}.)
     */
    void checkKeys(MapNode map, String path, Set<String> allowed) {
        Set<String> seen = new HashSet<>();
        for (MapNode.Entry entry : map.entries()) {
            if (seen.add(entry.key()) && !allowed.contains(entry.key())) {
                report(entry.keyLocation(), child(path, entry.key()), "unknown key" + suggestion(entry.key(), allowed));
            }
        }
    }

    /**
     * Reports every key set twice in one mapping, in the whole document (YAML says keys are unique; the
     * second value would silently win or lose). Depth is bounded by the parser's nesting limit.
     */
    void checkNoDuplicateKeys(SourceNode node, String path) {
        if (node instanceof MapNode map) {
            Set<String> seen = new HashSet<>();
            for (MapNode.Entry entry : map.entries()) {
                String entryPath = child(path, entry.key());
                if (!seen.add(entry.key())) {
                    report(entry.keyLocation(), entryPath, "duplicate key; it is already set above");
                }
                checkNoDuplicateKeys(entry.value(), entryPath);
            }
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                checkNoDuplicateKeys(list.items().get(i), index(path, i));
            }
        }
    }

    static String suggestion(String key, Set<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        List<String> sorted = new ArrayList<>(allowed);
        sorted.sort(null);
        for (String candidate : sorted) { // an abbreviation, such as 'algo' for 'algorithm'
            if (key.length() >= 3 && candidate.toLowerCase(Locale.ROOT).startsWith(key.toLowerCase(Locale.ROOT))) {
                return "; did you mean '" + candidate + "'?";
            }
        }
        if (best != null && bestDistance <= Math.max(2, key.length() / 3)) {
            return "; did you mean '" + best + "'?";
        }
        return sorted.isEmpty() ? "" : " (expected one of: " + String.join(", ", sorted) + ")";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A required entry: reports it missing (at the mapping) when absent. */
    SourceNode required(MapNode map, String key, String path) {
        SourceNode node = map.get(key);
        if (node == null) {
            report(map.location(), child(path, key), "is required");
        }
        return node;
    }

    String string(SourceNode node, String path) {
        if (node instanceof ScalarNode s && s.value() instanceof String str) {
            return str;
        }
        report(node.location(), path, "must be a string, not " + node.describe());
        return null;
    }

    /** A string entry; null when absent (not reported unless required). */
    String string(MapNode map, String key, String path, boolean required) {
        SourceNode node = required ? required(map, key, path) : map.get(key);
        return node == null ? null : string(node, child(path, key));
    }

    /** A non-empty string that matches {@code pattern}; {@code rule} says in words what is allowed. */
    String name(MapNode map, String key, String path, boolean required, Pattern pattern, int maxLength, String rule) {
        String value = string(map, key, path, required);
        if (value != null && (value.isEmpty() || value.length() > maxLength || !pattern.matcher(value).matches())) {
            report(map.get(key).location(), child(path, key), "'" + value + "' is not a valid name: " + rule);
            return null;
        }
        return value;
    }

    Long integer(SourceNode node, String path) {
        if (node instanceof ScalarNode s && s.value() instanceof Long l) {
            return l;
        }
        if (node instanceof ScalarNode s && s.value() instanceof BigInteger) {
            report(node.location(), path, "is too large");
            return null;
        }
        report(node.location(), path, "must be a whole number, not " + node.describe());
        return null;
    }

    /** An integer entry within [min, max]; null when absent or wrong. */
    Long integer(MapNode map, String key, String path, long min, long max) {
        SourceNode node = map.get(key);
        if (node == null) {
            return null;
        }
        Long value = integer(node, child(path, key));
        if (value != null && (value < min || value > max)) {
            report(node.location(), child(path, key), "must be between " + min + " and " + max + ", not " + value);
            return null;
        }
        return value;
    }

    /** An enumeration value spelt as in the format (exactly, case-sensitive); the default when absent. */
    <E extends Enum<E>> E choice(MapNode map, String key, String path, E[] values, java.util.function.Function<E, String> spelling, E defaultValue) {
        SourceNode node = map.get(key);
        if (node == null) {
            return defaultValue;
        }
        String value = string(node, child(path, key));
        if (value == null) {
            return defaultValue;
        }
        List<String> names = new ArrayList<>();
        for (E e : values) {
            if (spelling.apply(e).equals(value)) {
                return e;
            }
            names.add(spelling.apply(e));
        }
        report(node.location(), child(path, key), "must be one of " + String.join(", ", names) + ", not '" + value + "'");
        return defaultValue;
    }
}
