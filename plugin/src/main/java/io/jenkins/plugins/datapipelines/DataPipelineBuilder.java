package io.jenkins.plugins.datapipelines;

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
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
    /** Where and how (and which CLI installation runs it): the settings model shared with the dataPipelineDeploy step. */
    private DeployOptions options = new DeployOptions();
    /**
     * Where versions before the CLI installation became a setting of {@link DeployOptions} stored it ({@code <cliTool>}
     * directly in the builder): moved into the options by readResolve, then null, which XStream does not write.
     */
    @Deprecated private @CheckForNull String cliTool;

    // The flat shape of older versions: read from a stored config.xml and moved into the options by readResolve, then
    // null, which XStream does not write (not transient: XStream would not read a transient field either).
    @Deprecated private String deployment;
    @Deprecated private String namespace;
    @Deprecated private String image;
    @Deprecated private String baseImage;
    @Deprecated private String registryCredentialsId;
    @Deprecated private Boolean insecureRegistry;
    @Deprecated private String kubeconfigCredentialsId;
    @Deprecated private String kafkaBootstrapServers;
    @Deprecated private String kafkaCredentialsId;
    @Deprecated private String kafkaSaslMechanism;
    @Deprecated private String kafkaSecurityProtocol;
    @Deprecated private Boolean wait;
    @Deprecated private String timeout;
    @Deprecated private Boolean dryRun;

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

    public DeployOptions getOptions() {
        return options;
    }

    @DataBoundSetter
    public void setOptions(@CheckForNull DeployOptions options) {
        this.options = options == null ? new DeployOptions() : options;
    }

    /**
     * After XStream loaded a job: the defaults that field initialisers give a new builder, for what its config.xml
     * does not have; and a builder stored in the flat shape of older versions ({@code <deployment>},
     * {@code <wait>}... directly in the builder), or with {@code <cliTool>} beside its options, has those settings
     * moved into its options.
     */
    @SuppressWarnings("deprecation")
    protected Object readResolve() {
        if (definitionFile == null) {
            definitionFile = DeployParameters.DEFAULT_DEFINITION;
        }
        if (options == null) {
            DeployOptions migrated = new DeployOptions();
            migrated.setDeployment(deployment);
            migrated.setNamespace(namespace);
            migrated.setImage(image);
            migrated.setBaseImage(baseImage);
            migrated.setRegistryCredentialsId(registryCredentialsId);
            migrated.setInsecureRegistry(Boolean.TRUE.equals(insecureRegistry));
            migrated.setKubeconfigCredentialsId(kubeconfigCredentialsId);
            migrated.setKafkaBootstrapServers(kafkaBootstrapServers);
            migrated.setKafkaCredentialsId(kafkaCredentialsId);
            migrated.setKafkaSaslMechanism(kafkaSaslMechanism);
            migrated.setKafkaSecurityProtocol(kafkaSecurityProtocol);
            migrated.setWait(wait == null || wait); // absent: the default, true
            migrated.setTimeout(timeout);
            migrated.setDryRun(Boolean.TRUE.equals(dryRun));
            options = migrated;
        }
        if (cliTool != null) {
            options.setCliTool(cliTool);
        }
        // Not written again: the next save stores the options only.
        deployment = namespace = image = baseImage = registryCredentialsId = kubeconfigCredentialsId = null;
        kafkaBootstrapServers = kafkaCredentialsId = kafkaSaslMechanism = kafkaSecurityProtocol = timeout = null;
        insecureRegistry = wait = dryRun = null;
        cliTool = null;
        return this;
    }

    /** The configured values, as the deployment logic takes them. */
    public DeployParameters parameters() {
        return options.parameters(definitionFile);
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
            PipelineDeployer deployer = new PipelineDeployer(build, workspace, launcher, environment, listener, options.getCliTool());
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
    }
}
