package io.jenkins.plugins.datapipelines;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.BuildListener;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The build step of a Data Pipeline job (and usable in any freestyle job): writes the definition stored in the job
 * into the workspace (or takes the file that SCM checked out, when none is stored), then deploys it exactly as the
 * {@code dataPipelineDeploy} step does, through the same {@link PipelineDeployer}, recording the same
 * {@link DeploymentAction}. In a build that rolls back ({@link RollbackRequest}), it deploys the earlier build's
 * recorded image again instead, with no validation, no tests and no image build.
 */
public final class DataPipelineBuilder extends Builder {
    private String definition;
    private String definitionFile = DeployParameters.DEFAULT_DEFINITION;
    private String deployment;
    private String namespace;
    private String image;
    private String baseImage;
    private String registryCredentialsId;
    private boolean insecureRegistry;
    private String kubeconfigCredentialsId;
    private String kafkaBootstrapServers;
    private String kafkaCredentialsId;
    private String kafkaSaslMechanism;
    private String kafkaSecurityProtocol;
    /**
     * Null in a config.xml saved without {@code <wait>}: XStream runs no constructor or field initialiser, so a
     * primitive {@code = true} would load as false. {@link #readResolve()} makes it the default, true.
     */
    private @CheckForNull Boolean wait = Boolean.TRUE;
    private String timeout;
    private boolean dryRun;

    @DataBoundConstructor
    public DataPipelineBuilder() {
    }

    public @CheckForNull String getDefinition() {
        return definition;
    }

    /**
     * The definition itself (YAML), kept in the job's configuration; written to {@link #getDefinitionFile()} in the
     * workspace at each build. Blank: the definition file comes from SCM.
     */
    @DataBoundSetter
    public void setDefinition(@CheckForNull String definition) {
        this.definition = definition == null || definition.isBlank() ? null : definition.replace("\r\n", "\n");
    }

    public String getDefinitionFile() {
        return definitionFile;
    }

    /** Where the definition is in the workspace, relative to it; {@code datapipeline.yaml} when blank. */
    @DataBoundSetter
    public void setDefinitionFile(@CheckForNull String definitionFile) {
        String value = Strings.trimToNull(definitionFile);
        this.definitionFile = value == null ? DeployParameters.DEFAULT_DEFINITION : value;
    }

    public @CheckForNull String getDeployment() {
        return deployment;
    }

    @DataBoundSetter
    public void setDeployment(@CheckForNull String deployment) {
        this.deployment = Strings.trimToNull(deployment);
    }

    public @CheckForNull String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(@CheckForNull String namespace) {
        this.namespace = Strings.trimToNull(namespace);
    }

    public @CheckForNull String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(@CheckForNull String image) {
        this.image = Strings.trimToNull(image);
    }

    public @CheckForNull String getBaseImage() {
        return baseImage;
    }

    @DataBoundSetter
    public void setBaseImage(@CheckForNull String baseImage) {
        this.baseImage = Strings.trimToNull(baseImage);
    }

    public @CheckForNull String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(@CheckForNull String registryCredentialsId) {
        this.registryCredentialsId = Strings.trimToNull(registryCredentialsId);
    }

    public boolean isInsecureRegistry() {
        return insecureRegistry;
    }

    @DataBoundSetter
    public void setInsecureRegistry(boolean insecureRegistry) {
        this.insecureRegistry = insecureRegistry;
    }

    public @CheckForNull String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    @DataBoundSetter
    public void setKubeconfigCredentialsId(@CheckForNull String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = Strings.trimToNull(kubeconfigCredentialsId);
    }

    public @CheckForNull String getKafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    @DataBoundSetter
    public void setKafkaBootstrapServers(@CheckForNull String kafkaBootstrapServers) {
        this.kafkaBootstrapServers = Strings.trimToNull(kafkaBootstrapServers);
    }

    public @CheckForNull String getKafkaCredentialsId() {
        return kafkaCredentialsId;
    }

    @DataBoundSetter
    public void setKafkaCredentialsId(@CheckForNull String kafkaCredentialsId) {
        this.kafkaCredentialsId = Strings.trimToNull(kafkaCredentialsId);
    }

    public @CheckForNull String getKafkaSaslMechanism() {
        return kafkaSaslMechanism;
    }

    @DataBoundSetter
    public void setKafkaSaslMechanism(@CheckForNull String kafkaSaslMechanism) {
        this.kafkaSaslMechanism = Strings.trimToNull(kafkaSaslMechanism);
    }

    public @CheckForNull String getKafkaSecurityProtocol() {
        return kafkaSecurityProtocol;
    }

    @DataBoundSetter
    public void setKafkaSecurityProtocol(@CheckForNull String kafkaSecurityProtocol) {
        this.kafkaSecurityProtocol = Strings.trimToNull(kafkaSecurityProtocol);
    }

    public boolean isWait() {
        return wait == null || wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public @CheckForNull String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(@CheckForNull String timeout) {
        this.timeout = Strings.trimToNull(timeout);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /**
     * After XStream loaded a job: the defaults that field initialisers give a new builder, for fields its
     * config.xml does not have (saved by an older version, or written by hand or by a tool).
     */
    protected Object readResolve() {
        if (wait == null) {
            wait = Boolean.TRUE;
        }
        if (definitionFile == null) {
            definitionFile = DeployParameters.DEFAULT_DEFINITION;
        }
        return this;
    }

    /** The configured values, as the deployment logic takes them. */
    public DeployParameters parameters() {
        return DeployParameters.builder().definition(definitionFile).deployment(deployment).namespace(namespace).image(image)
                .baseImage(baseImage).registryCredentialsId(registryCredentialsId).insecureRegistry(insecureRegistry)
                .kubeconfigCredentialsId(kubeconfigCredentialsId).kafkaBootstrapServers(kafkaBootstrapServers)
                .kafkaCredentialsId(kafkaCredentialsId).kafkaSaslMechanism(kafkaSaslMechanism).kafkaSecurityProtocol(kafkaSecurityProtocol)
                .waitForRollout(isWait()).timeout(timeout).dryRun(dryRun).build();
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) throws InterruptedException, IOException {
        FilePath workspace = build.getWorkspace();
        if (workspace == null) {
            throw new AbortException(Messages.DataPipelineBuilder_NoWorkspace());
        }
        EnvVars environment = build.getEnvironment(listener);
        try {
            DeployDefaults defaults = DataPipelinesConfiguration.get().defaults();
            DeploySettings settings = DeploySettings.resolve(parameters(), defaults);
            PipelineDeployer deployer = new PipelineDeployer(build, workspace, launcher, environment, listener);
            RollbackRequest rollback = build.getAction(RollbackRequest.class);
            if (rollback != null) {
                if (settings.dryRun()) {
                    listener.getLogger().println(Messages.DataPipelineDeployStep_DryRunSkipped(Integer.toString(rollback.getBuildNumber())));
                } else {
                    Rollbacks.perform(build, rollback, settings, defaults, deployer);
                }
                return true;
            }
            if (definition != null) {
                FilePath file = workspace.child(settings.definition());
                FilePath parent = file.getParent();
                if (parent != null) {
                    parent.mkdirs();
                }
                file.write(definition, StandardCharsets.UTF_8.name());
                listener.getLogger().println(Messages.DataPipelineBuilder_Wrote(settings.definition()));
            }
            deployer.deploy(settings);
            return true;
        } catch (DeploymentFailure e) {
            throw new AbortException(e.getMessage());
        }
    }

    @Extension
    @Symbol("dataPipeline")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DataPipelineBuilder_DisplayName();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        /** The stored definition, checked as it is typed: the model's own rules, messages with line and column. */
        @POST
        public FormValidation doCheckDefinition(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.storedDefinition(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckDefinitionFile(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.definition(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckDeployment(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.deployment(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckNamespace(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.namespace(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.image(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckBaseImage(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.baseImage(value, false) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckKafkaBootstrapServers(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.kafkaBootstrapServers(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.timeout(value) : FormValidation.ok();
        }

        @POST
        public ListBoxModel doFillKafkaSaslMechanismItems() {
            return FieldChecks.choices(Names.SASL_MECHANISMS);
        }

        @POST
        public ListBoxModel doFillKafkaSecurityProtocolItems() {
            return FieldChecks.choices(Names.KAFKA_SECURITY_PROTOCOLS);
        }

        @POST
        public ListBoxModel doFillRegistryCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String registryCredentialsId) {
            return CredentialsListBoxes.fill(item, registryCredentialsId, StandardUsernamePasswordCredentials.class);
        }

        @POST
        public ListBoxModel doFillKubeconfigCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String kubeconfigCredentialsId) {
            return CredentialsListBoxes.fill(item, kubeconfigCredentialsId, FileCredentials.class);
        }

        @POST
        public ListBoxModel doFillKafkaCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String kafkaCredentialsId) {
            return CredentialsListBoxes.fill(item, kafkaCredentialsId, StandardUsernamePasswordCredentials.class);
        }

        @POST
        public FormValidation doCheckRegistryCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsListBoxes.check(item, value, StandardUsernamePasswordCredentials.class);
        }

        @POST
        public FormValidation doCheckKubeconfigCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsListBoxes.check(item, value, FileCredentials.class);
        }

        @POST
        public FormValidation doCheckKafkaCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return CredentialsListBoxes.check(item, value, StandardUsernamePasswordCredentials.class);
        }
    }
}
