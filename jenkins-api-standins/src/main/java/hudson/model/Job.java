package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Stand-in for hudson.model.Job (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren and HasWidgets.
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
    protected Job(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @CheckForNull
    public RunT getLastBuild() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
