package hudson.tools;

import hudson.model.Descriptor;

/** Stand-in for hudson.tools.ToolPropertyDescriptor (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class extends PropertyDescriptor<ToolProperty<?>, ToolInstallation>, a Descriptor<ToolProperty<?>>.
public abstract class ToolPropertyDescriptor extends Descriptor<ToolProperty<?>> {
    protected ToolPropertyDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
