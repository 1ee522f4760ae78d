package io.datapipelines.model.yaml;

import io.datapipelines.model.Location;

/**
 * A node of a definition document, YAML or JSON, with the location where it starts. The parser reads
 * documents into this small tree first so that every later message can name a line and column.
 */
public sealed interface SourceNode permits MapNode, ListNode, ScalarNode {

    Location location();

    /** The plain Java value: Map (insertion-ordered), List, String, Long/BigInteger, Double, Boolean or null. */
    Object toPlain();

    /** "a mapping", "a list", "a string", ...: what a message says was found. */
    String describe();
}
