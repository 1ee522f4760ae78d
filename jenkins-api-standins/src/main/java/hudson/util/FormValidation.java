package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;

import java.io.IOException;
import java.util.Collection;

/** Stand-in for hudson.util.FormValidation (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements org.kohsuke.stapler.HttpResponse.
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;

    protected FormValidation() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public static FormValidation aggregate(@NonNull Collection<FormValidation> validations) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
