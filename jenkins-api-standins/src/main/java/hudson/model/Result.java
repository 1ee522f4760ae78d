package hudson.model;

import java.io.Serializable;

/** Stand-in for hudson.model.Result (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements CustomExportedBean.
public final class Result implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Result SUCCESS = standIn();
    public static final Result UNSTABLE = standIn();
    public static final Result FAILURE = standIn();
    public static final Result NOT_BUILT = standIn();
    public static final Result ABORTED = standIn();

    private Result() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public boolean isBetterOrEqualTo(Result that) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** Not part of the API: gives the constants above a value by throwing, like every body here. */
    private static Result standIn() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
