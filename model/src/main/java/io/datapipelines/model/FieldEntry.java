package io.datapipelines.model;

/** One field of a {@link FieldStep}: an optional filter and an optional transform (at least one). */
public record FieldEntry(FunctionRef filter, FunctionRef transform) {
}
