package io.datapipelines.runtime.step;

import java.util.List;

/**
 * A Record step (catalogue §1.4, with the format's truthiness rule): a failing filter drops the record
 * when there is no transform, and only skips the transform when there is one.
 */
final class CompiledRecordStep implements CompiledStep {
    private final String path;
    private final RecordFilter filter;
    private final RecordTransform transform;

    CompiledRecordStep(String path, RecordFilter filter, RecordTransform transform) {
        this.path = path;
        this.filter = filter;
        this.transform = transform;
    }

    @Override
    public List<PipelineRecord> apply(PipelineRecord record) throws StepFailure {
        try {
            boolean passed = filter == null || filter.test(record);
            if (!passed) {
                return transform == null ? List.of() : List.of(record);
            }
            return transform == null ? List.of(record) : transform.apply(record);
        } catch (RecordError e) {
            throw StepFailure.of(path, e);
        }
    }
}
