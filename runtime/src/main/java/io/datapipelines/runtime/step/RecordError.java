package io.datapipelines.runtime.step;

/**
 * A record could not be processed by a step: the record goes to the dead-letter topic (or is skipped,
 * or stops the pipeline, per {@code errors.mode}). {@code errorClass} follows Python's exception names
 * ({@code TypeError}, {@code KeyError}, {@code ValueError}, {@code ZeroDivisionError}, ...) so that users
 * moving from DataCater, and Python code, see the names they know.
 */
public class RecordError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String errorClass;

    public RecordError(String errorClass, String message) {
        super(message);
        this.errorClass = errorClass;
    }

    public RecordError(String errorClass, String message, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
    }

    public String errorClass() {
        return errorClass;
    }

    public static RecordError typeError(String message) {
        return new RecordError("TypeError", message);
    }

    public static RecordError valueError(String message) {
        return new RecordError("ValueError", message);
    }

    public static RecordError keyError(String key) {
        return new RecordError("KeyError", "'" + key + "'");
    }

    public static RecordError attributeError(String message) {
        return new RecordError("AttributeError", message);
    }

    public static RecordError zeroDivision(String message) {
        return new RecordError("ZeroDivisionError", message);
    }
}
