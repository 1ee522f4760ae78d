package hudson.tools;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Stand-in for hudson.tools.ToolProperty (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class ToolProperty<T extends ToolInstallation> implements Describable<ToolProperty<?>>, ExtensionPoint {
    protected transient T tool;

    public ToolProperty() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public abstract Class<T> type();
}
