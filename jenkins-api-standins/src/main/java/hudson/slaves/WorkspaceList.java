package hudson.slaves;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;

/** Stand-in for hudson.slaves.WorkspaceList (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public final class WorkspaceList {
    private WorkspaceList() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @CheckForNull
    public static FilePath tempDir(FilePath ws) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
