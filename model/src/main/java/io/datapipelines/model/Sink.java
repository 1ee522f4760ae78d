package io.datapipelines.model;

/** {@code spec.sink}: the topic records are written to. */
public record Sink(String topic, DataFormat format, DataFormat keyFormat) {
}
