package hudson;

import java.io.IOException;

/** Stand-in for hudson.AbortException (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    public AbortException() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public AbortException(String message) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
