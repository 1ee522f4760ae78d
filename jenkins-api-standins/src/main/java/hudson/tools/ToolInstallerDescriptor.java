package hudson.tools;

import hudson.model.Descriptor;

/** Stand-in for hudson.tools.ToolInstallerDescriptor (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class ToolInstallerDescriptor<T extends ToolInstaller> extends Descriptor<ToolInstaller> {
    public ToolInstallerDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public boolean isApplicable(Class<? extends ToolInstallation> toolType) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
