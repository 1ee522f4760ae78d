package io.datapipelines.runtime.step;

import java.util.List;

/**
 * A transform in a record step: {@code transform(record)}. Returns the records that go on: none (the
 * record is dropped), one, or several (fan-out, in order).
 */
@FunctionalInterface
public interface RecordTransform {

    /** @throws RecordError when the record cannot be transformed */
    List<PipelineRecord> apply(PipelineRecord record);
}
