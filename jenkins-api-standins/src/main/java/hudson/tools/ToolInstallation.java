package hudson.tools;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.util.DescribableList;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** Stand-in for hudson.tools.ToolInstallation (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class ToolInstallation implements Describable<ToolInstallation>, Serializable, ExtensionPoint {
    private static final long serialVersionUID = 1L;

    protected ToolInstallation(String name, String home, List<? extends ToolProperty<?>> properties) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public String getName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public @CheckForNull String getHome() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public synchronized DescribableList<ToolProperty<?>, ToolPropertyDescriptor> getProperties() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public ToolInstallation translate(@NonNull Node node, EnvVars envs, TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    protected String translateFor(Node node, TaskListener log) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
