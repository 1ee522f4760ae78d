package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stand-in for hudson.tasks.BuildStepDescriptor (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
@SuppressWarnings("rawtypes")
public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T> {
    protected BuildStepDescriptor(Class<? extends T> clazz) {
        super(clazz);
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    protected BuildStepDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
