package hudson.tools;

import hudson.model.Descriptor;
import hudson.util.FormValidation;
import org.kohsuke.stapler.QueryParameter;

import java.util.List;

/** Stand-in for hudson.tools.ToolDescriptor (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class ToolDescriptor<T extends ToolInstallation> extends Descriptor<ToolInstallation> {
    protected ToolDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public T[] getInstallations() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @SuppressWarnings("unchecked")
    public void setInstallations(T... installations) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public List<? extends ToolInstaller> getDefaultInstallers() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public FormValidation doCheckName(@QueryParameter String value) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
