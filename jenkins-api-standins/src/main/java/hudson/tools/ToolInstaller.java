package hudson.tools;

import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.model.Describable;
import hudson.model.Node;
import hudson.model.TaskListener;

import java.io.IOException;

/** Stand-in for hudson.tools.ToolInstaller (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class ToolInstaller implements Describable<ToolInstaller>, ExtensionPoint {
    protected transient ToolInstallation tool;

    protected ToolInstaller(String label) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public final String getLabel() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public boolean appliesTo(Node node) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public abstract FilePath performInstallation(ToolInstallation tool, Node node, TaskListener log) throws IOException, InterruptedException;

    protected final FilePath preferredLocation(ToolInstallation tool, Node node) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public ToolInstallerDescriptor<?> getDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
