package hudson.model;

/** Stand-in for hudson.model.Job (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// Present for Run's type parameters; the plugin calls none of its members.
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
    protected Job() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
