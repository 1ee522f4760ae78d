package io.datapipelines.runtime.topology;

import io.datapipelines.runtime.step.StepFailure;

/**
 * A record error under {@code errors.mode: fail}: thrown out of the processor so that Kafka Streams
 * stops without committing past the record.
 *
 * <p>Its message says all there is to say (record, step, error class, message and definition line),
 * so it carries neither a stack trace nor the failure as its cause: Kafka Streams logs what it stops
 * for, and a bad record is an input problem, to be told in one line rather than a page of frames.
 */
public final class PipelineFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String step;
    private final String errorClass;

    public PipelineFailedException(String topic, int partition, long offset, StepFailure failure) {
        super("record " + topic + "-" + partition + "@" + offset + " failed in " + failure.step() + ": "
                + failure.errorClass() + ": " + failure.getMessage() + " (errors.mode is fail, so the pipeline stops)", null, false, false);
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
