package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.BuildableItem;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

/** Stand-in for jenkins.model.ParameterizedJobMixIn (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class ParameterizedJobMixIn<JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
        RunT extends Run<JobT, RunT> & Queue.Executable> {
    protected ParameterizedJobMixIn() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    protected abstract JobT asJob();

    public static @CheckForNull Queue.Item scheduleBuild2(final Job<?, ?> job, int quietPeriod, Action... actions) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** The real interface also extends jenkins.triggers.TriggeredItem and has many default methods. */
    public interface ParameterizedJob<JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
            RunT extends Run<JobT, RunT> & Queue.Executable> extends BuildableItem {
    }
}
