package io.datapipelines.runtime.step;

import java.util.Optional;

/**
 * A step that cannot run at all: its code does not compile, its module-level statements raise, or it
 * defines no suitable function. Unlike a {@link RecordError} this does not depend on a record, and
 * retrying cannot help: {@code test} and {@code preview} exit 2 and the runtime stops at once, each with
 * this one line, such as
 * {@code ImportError: No module named 'requests' (at pipeline.yaml:15, in spec.steps[1].transform)}.
 */
public final class StepStartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String step;
    private final String errorClass;

    public StepStartupException(String step, RecordError error) {
        super(error.errorClass() + ": " + error.getMessage(), error);
        this.step = step;
        this.errorClass = error.errorClass();
    }

    /** The definition path of the step's function, such as {@code spec.steps[1].transform}. */
    public String step() {
        return step;
    }

    public String errorClass() {
        return errorClass;
    }

    /** The start-up failure somewhere in the cause chain (Kafka Streams wraps what a processor's init throws). */
    public static Optional<StepStartupException> in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StepStartupException startup) {
                return Optional.of(startup);
            }
        }
        return Optional.empty();
    }

    /** No stack trace: the message says all there is to say, and it is deterministic. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
