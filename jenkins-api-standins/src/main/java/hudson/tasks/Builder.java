package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stand-in for hudson.tasks.Builder (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
    protected Builder() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public Descriptor<Builder> getDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
