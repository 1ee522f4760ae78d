package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.util.Map;

/** Stand-in for hudson.model.Computer (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class Computer {
    protected Computer() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @CheckForNull
    public Node getNode() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public Map<Object, Object> getSystemProperties() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
