package io.datapipelines.model.yaml;

import io.datapipelines.model.DefinitionLimits;
import io.datapipelines.model.Location;
import io.datapipelines.model.Problem;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks nesting depth, the number of values after alias expansion, and recursive aliases on the
 * parser's event stream, before anything builds a tree. The parser keeps its own stack rather than
 * recursing, so 20,000 nested brackets cost 20,000 events here, not a StackOverflowError; and since
 * every alias adds the size its anchor expands to, a "billion laughs" document stops at the alias that
 * crosses {@link DefinitionLimits#MAX_NODES}, after reading a few hundred bytes, not gigabytes.
 */
final class YamlLimitCheck {

    /** An open mapping or list: its anchor (or null), values so far (itself included), deepest level below. */
    private static final class Open {
        final String anchor;
        long size = 1;
        long characters;
        int height = 1;

        Open(String anchor) {
            this.anchor = anchor;
        }
    }

    /** What an anchor expands to. */
    private record Expansion(long size, long characters, int height) {
    }

    private final String fileName;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<String, Expansion> anchors = new HashMap<>();
    /** Anchors whose latest definition is a mapping or list not yet ended: an alias to one is recursive. */
    private final Map<String, Integer> openAnchors = new HashMap<>();
    private long total;
    private long totalCharacters;

    private YamlLimitCheck(String fileName) {
        this.fileName = fileName;
    }

    static void check(String text, LoadSettings settings, String fileName) throws SourceParser.SyntaxException {
        YamlLimitCheck check = new YamlLimitCheck(fileName);
        for (Event event : new Parse(settings).parseString(text)) {
            check.accept(event);
        }
    }

    private void accept(Event event) throws SourceParser.SyntaxException {
        if (event instanceof CollectionStartEvent start) {
            String anchor = start.getAnchor().map(a -> a.getValue()).orElse(null);
            count(1, 0, event);
            if (open.size() + 1 > DefinitionLimits.MAX_NESTING_DEPTH) {
                throw problem(event, "mappings and lists are nested more than " + DefinitionLimits.MAX_NESTING_DEPTH + " levels deep");
            }
            open.push(new Open(anchor));
            if (anchor != null) {
                anchors.remove(anchor);
                openAnchors.merge(anchor, 1, Integer::sum);
            }
        } else if (event.getEventId() == Event.ID.MappingEnd || event.getEventId() == Event.ID.SequenceEnd) {
            Open ended = open.pop();
            if (!open.isEmpty()) {
                Open parent = open.peek();
                parent.size += ended.size;
                parent.characters += ended.characters;
                parent.height = Math.max(parent.height, ended.height + 1);
            }
            if (ended.anchor != null) {
                openAnchors.computeIfPresent(ended.anchor, (a, n) -> n == 1 ? null : n - 1);
                anchors.put(ended.anchor, new Expansion(ended.size, ended.characters, ended.height));
            }
        } else if (event instanceof ScalarEvent scalar) {
            int length = scalar.getValue().length();
            count(1, length, event);
            addToParent(1, length, 0);
            scalar.getAnchor().ifPresent(a -> {
                openAnchors.remove(a.getValue());
                anchors.put(a.getValue(), new Expansion(1, length, 0));
            });
        } else if (event instanceof AliasEvent alias) {
            String name = alias.getAlias().getValue();
            if (openAnchors.containsKey(name)) {
                throw problem(event, "the alias *" + name + " refers to a mapping or list that contains it; recursive aliases are not allowed");
            }
            Expansion expansion = anchors.get(name);
            if (expansion == null) {
                throw problem(event, "the alias *" + name + " refers to no anchor &" + name + " above it");
            }
            if (open.size() + expansion.height() > DefinitionLimits.MAX_NESTING_DEPTH) {
                throw problem(event, "with the alias *" + name + " expanded, mappings and lists are nested more than "
                        + DefinitionLimits.MAX_NESTING_DEPTH + " levels deep");
            }
            count(expansion.size(), expansion.characters(), event);
            addToParent(expansion.size(), expansion.characters(), expansion.height());
        }
    }

    private void count(long values, long characters, Event event) throws SourceParser.SyntaxException {
        total += values;
        totalCharacters += characters;
        if (totalCharacters > DefinitionLimits.MAX_EXPANDED_CHARACTERS) {
            throw problem(event, (event instanceof AliasEvent a ? "with the alias *" + a.getAlias().getValue() + " expanded, " : "")
                    + "the document's keys and scalars hold more than " + DefinitionLimits.MAX_EXPANDED_CHARACTERS
                    + " characters after alias expansion");
        }
        if (total > DefinitionLimits.MAX_NODES) {
            String what = event instanceof AliasEvent a ? "with the alias *" + a.getAlias().getValue() + " expanded, the document holds"
                    : "the document holds";
            throw problem(event, what + " more than " + DefinitionLimits.MAX_NODES + " values (keys, scalars, mappings and lists"
                    + " after alias expansion)");
        }
    }

    private void addToParent(long size, long characters, int height) {
        Open parent = open.peek();
        if (parent != null) {
            parent.size += size;
            parent.characters += characters;
            parent.height = Math.max(parent.height, height + 1);
        }
    }

    private SourceParser.SyntaxException problem(Event event, String message) {
        Optional<Mark> mark = event.getStartMark();
        Location location = mark.map(m -> new Location(fileName, m.getLine() + 1, m.getColumn() + 1))
                .orElseGet(() -> new Location(fileName, 1, 1));
        return new SourceParser.SyntaxException(new Problem(location, "", message));
    }
}
