package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** Stand-in for hudson.util.Secret (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private Secret() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public static String toString(@CheckForNull Secret s) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
