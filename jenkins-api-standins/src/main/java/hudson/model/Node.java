package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;

/** Stand-in for hudson.model.Node (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class Node {
    protected Node() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @CheckForNull
    public abstract FilePath getRootPath();

    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
