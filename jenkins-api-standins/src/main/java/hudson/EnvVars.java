package hudson;

import java.util.Map;
import java.util.TreeMap;

/** Stand-in for hudson.EnvVars (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public EnvVars(Map<String, String> m) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
