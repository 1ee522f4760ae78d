package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;

import java.io.File;
import java.io.IOException;
import java.util.List;

/** Stand-in for hudson.model.Run (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements ExtensionPoint, Comparable, AccessControlled, PersistenceRoot, DescriptorByNameOwner,
// OnMaster and StaplerProxy.
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    protected Run(@NonNull JobT job) throws IOException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    protected Run(@NonNull JobT project, @NonNull File buildDir) throws IOException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public JobT getParent() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @CheckForNull
    public Result getResult() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public long getTimeInMillis() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public List<Cause> getCauses() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @CheckForNull
    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public String getUrl() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public String getFullDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public EnvVars getEnvironment(@NonNull TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
