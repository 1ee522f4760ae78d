package io.datapipelines.runtime.step;

import java.util.List;

/** A step ready to run: takes one record, gives the records that go on (none, one, or several). */
interface CompiledStep {

    /** @throws StepFailure naming the step (and field) that failed */
    List<PipelineRecord> apply(PipelineRecord record) throws StepFailure;
}
