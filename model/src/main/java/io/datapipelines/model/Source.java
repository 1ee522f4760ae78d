package io.datapipelines.model;

import java.util.List;

/** {@code spec.source}: one or more topics, read with the given formats. */
public record Source(List<String> topics, DataFormat format, DataFormat keyFormat, StartFrom startFrom) {
    public Source {
        topics = List.copyOf(topics);
    }
}
