package hudson.model;

/** Stand-in for hudson.model.Run (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    protected Run() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
