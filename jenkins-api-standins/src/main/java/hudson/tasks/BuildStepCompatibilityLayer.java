package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;

import java.io.IOException;

/** Stand-in for hudson.tasks.BuildStepCompatibilityLayer (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class BuildStepCompatibilityLayer implements BuildStep {
    protected BuildStepCompatibilityLayer() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
