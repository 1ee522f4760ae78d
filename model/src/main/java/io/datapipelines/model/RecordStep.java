package io.datapipelines.model;

/** {@code kind: Record}: an optional filter and an optional transform on the whole record. */
public record RecordStep(String name, FunctionRef filter, FunctionRef transform, Location location) implements Step {
}
