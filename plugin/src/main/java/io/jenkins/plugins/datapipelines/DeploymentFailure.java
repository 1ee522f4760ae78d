package io.jenkins.plugins.datapipelines;

/**
 * A deployment that cannot go on, with a message for the build log: the CLI's own words, or which setting is
 * wrong. The Jenkins layer turns it into an {@code AbortException}, so the user sees the message, not a stack trace.
 */
public final class DeploymentFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public DeploymentFailure(String message) {
        super(message);
    }

    public DeploymentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
