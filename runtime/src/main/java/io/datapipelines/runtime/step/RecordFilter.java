package io.datapipelines.runtime.step;

/** A filter in a record step: {@code filter(record)}. Passes when it returns true. */
@FunctionalInterface
public interface RecordFilter {

    /** @throws RecordError when the record cannot be filtered */
    boolean test(PipelineRecord record);
}
