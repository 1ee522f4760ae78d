package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stand-in for jenkins.model.GlobalConfiguration (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration> implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
