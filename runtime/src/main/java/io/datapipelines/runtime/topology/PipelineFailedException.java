package io.datapipelines.runtime.topology;

import io.datapipelines.runtime.step.StepFailure;

/**
 * A record error under {@code errors.mode: fail}: thrown out of the processor so that Kafka Streams
 * stops without committing past the record.
 */
public final class PipelineFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String step;
    private final String errorClass;

    public PipelineFailedException(String topic, int partition, long offset, StepFailure failure) {
        super("record " + topic + "-" + partition + "@" + offset + " failed in " + failure.step() + ": "
                + failure.errorClass() + ": " + failure.getMessage() + " (errors.mode is fail, so the pipeline stops)", failure);
        this.step = failure.step();
        this.errorClass = failure.errorClass();
    }

    public String step() {
        return step;
    }

    public String errorClass() {
        return errorClass;
    }
}
