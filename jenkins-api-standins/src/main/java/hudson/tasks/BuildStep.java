package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;

import java.io.IOException;

/** Stand-in for hudson.tasks.BuildStep (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public interface BuildStep {
    boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) throws InterruptedException, IOException;

    BuildStepMonitor getRequiredMonitorService();
}
