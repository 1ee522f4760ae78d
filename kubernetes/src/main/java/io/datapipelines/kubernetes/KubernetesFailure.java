package io.datapipelines.kubernetes;

/**
 * An operation on the cluster that failed, with one message for the user that says what was attempted
 * and why it failed ({@link ApiErrors}). The cause is kept for logs, never shown as a stack trace.
 */
public final class KubernetesFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KubernetesFailure(String message) {
        super(message);
    }

    public KubernetesFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
