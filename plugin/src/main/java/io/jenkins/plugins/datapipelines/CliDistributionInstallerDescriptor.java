package io.jenkins.plugins.datapipelines;

import hudson.tools.ToolInstallation;
import hudson.tools.ToolInstaller;
import hudson.tools.ToolInstallerDescriptor;
import hudson.util.FormValidation;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What the descriptors of both CLI distribution installers share: they install only the CLI installation, and
 * check the SHA-256 field alike (public: Stapler calls the inherited {@code doCheck} methods). Each installer's own
 * {@code DescriptorImpl} adds its name and its own fields' checks.
 */
public abstract class CliDistributionInstallerDescriptor<T extends ToolInstaller> extends ToolInstallerDescriptor<T> {

    @Override
    public boolean isApplicable(Class<? extends ToolInstallation> toolType) {
        return toolType == DataPipelinesCliInstallation.class;
    }

    @POST
    public FormValidation doCheckSha256(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.sha256(value);
    }
}
