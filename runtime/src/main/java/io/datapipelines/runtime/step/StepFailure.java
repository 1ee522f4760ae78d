package io.datapipelines.runtime.step;

/**
 * A record error together with the step it happened in, such as {@code steps[1].fields[email]} (the
 * form of the {@code datapipelines.error.step} dead-letter header).
 */
public final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String step;
    private final String errorClass;

    public StepFailure(String step, String errorClass, String message, Throwable cause) {
        super(message, cause);
        this.step = step;
        this.errorClass = errorClass;
    }

    public static StepFailure of(String step, RecordError error) {
        return new StepFailure(step, error.errorClass(), error.getMessage(), error);
    }

    public String step() {
        return step;
    }

    public String errorClass() {
        return errorClass;
    }

    @Override
    public String toString() {
        return step + ": " + errorClass + ": " + getMessage();
    }
}
