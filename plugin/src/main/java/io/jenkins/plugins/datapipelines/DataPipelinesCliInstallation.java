package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.EnvironmentSpecific;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.slaves.NodeSpecific;
import hudson.tools.InstallSourceProperty;
import hudson.tools.ToolDescriptor;
import hudson.tools.ToolInstaller;
import hudson.tools.ToolInstallation;
import hudson.tools.ToolProperty;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * "Data Pipelines CLI" in Manage Jenkins » Tools: where builds find the datapipelines CLI distribution (the directory
 * holding datapipelines-cli.jar and lib/). Either its home is a CLI already on the agent or in the container image,
 * or its installers ({@link CliUrlInstaller}, {@link CliMavenInstaller}) download the distribution zip, check its
 * SHA-256 and cache it per node and version, as Jenkins installs its other tools. JCasC:
 * {@code tool: datapipelinesCli: installations: [...]}.
 */
public final class DataPipelinesCliInstallation extends ToolInstallation
        implements NodeSpecific<DataPipelinesCliInstallation>, EnvironmentSpecific<DataPipelinesCliInstallation> {
    private static final long serialVersionUID = 1L;

    @DataBoundConstructor
    public DataPipelinesCliInstallation(String name, @CheckForNull String home, @CheckForNull List<? extends ToolProperty<?>> properties) {
        super(name, home, properties);
    }

    /** On a node: its home there (a per-node location, or what an installer installed there). */
    @Override
    public DataPipelinesCliInstallation forNode(@NonNull Node node, TaskListener log) throws IOException, InterruptedException {
        return new DataPipelinesCliInstallation(getName(), translateFor(node, log), getProperties().toList());
    }

    @Override
    public DataPipelinesCliInstallation forEnvironment(EnvVars environment) {
        String home = getHome();
        return new DataPipelinesCliInstallation(getName(), home == null ? null : environment.expand(home), getProperties().toList());
    }

    /** The installers of this installation that download a CLI distribution, in their configured order. */
    List<CliDistributionInstaller> distributionInstallers() {
        List<CliDistributionInstaller> installers = new ArrayList<>();
        for (ToolProperty<?> property : getProperties()) {
            if (property instanceof InstallSourceProperty source) {
                for (ToolInstaller installer : source.installers) {
                    if (installer instanceof CliDistributionInstaller download) {
                        installers.add(download);
                    }
                }
            }
        }
        return installers;
    }

    /** The installations configured in Manage Jenkins » Tools (or by JCasC), in their order. */
    public static List<DataPipelinesCliInstallation> all() {
        DescriptorImpl descriptor = Jenkins.get().getDescriptorByType(DescriptorImpl.class);
        return descriptor == null ? List.of() : List.of(descriptor.getInstallations());
    }

    @Extension
    @Symbol("datapipelinesCli")
    public static final class DescriptorImpl extends ToolDescriptor<DataPipelinesCliInstallation> {
        public DescriptorImpl() {
            load();
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DataPipelinesCliInstallation_DisplayName();
        }

        /** Kept in this descriptor's own XML file, as the JDK, Ant and Maven tools keep theirs. */
        @Override
        public void setInstallations(DataPipelinesCliInstallation... installations) {
            super.setInstallations(installations);
            save();
        }
    }
}
