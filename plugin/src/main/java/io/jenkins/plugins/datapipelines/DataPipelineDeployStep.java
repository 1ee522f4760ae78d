package io.jenkins.plugins.datapipelines;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code dataPipelineDeploy}: validates a pipeline definition from the workspace, builds its image (which runs
 * the definition's tests) and deploys it to Kubernetes, by running the datapipelines CLI on the build's agent.
 * Returns a map with image, digest, revisionHash, deployment, namespace and revision, and records the deployment
 * on the build ({@link DeploymentAction}). In a build started by "Roll back to this build" ({@link RollbackRequest})
 * it deploys that build's recorded image again instead, building nothing.
 *
 * <p>Every parameter is optional: what a step leaves out comes from Manage Jenkins &gt; System
 * ({@link DataPipelinesConfiguration}).
 */
public final class DataPipelineDeployStep extends Step {
    private String definition = DeployParameters.DEFAULT_DEFINITION;
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
    private boolean wait = true;
    private String timeout;
    private boolean dryRun;

    @DataBoundConstructor
    public DataPipelineDeployStep() {
    }

    public String getDefinition() {
        return definition;
    }

    /** The definition file, relative to the workspace; {@code datapipeline.yaml} when blank. */
    @DataBoundSetter
    public void setDefinition(@CheckForNull String definition) {
        String value = Strings.trimToNull(definition);
        this.definition = value == null ? DeployParameters.DEFAULT_DEFINITION : value;
    }

    public @CheckForNull String getDeployment() {
        return deployment;
    }

    /** The deployment's name; the pipeline's name when blank. One pipeline may be deployed under several names. */
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

    /** The image repository to push to (no tag: images are pushed and deployed by digest). */
    @DataBoundSetter
    public void setImage(@CheckForNull String image) {
        this.image = Strings.trimToNull(image);
    }

    public @CheckForNull String getBaseImage() {
        return baseImage;
    }

    /** The image pipelines are built on (java 17+); the global default when blank. */
    @DataBoundSetter
    public void setBaseImage(@CheckForNull String baseImage) {
        this.baseImage = Strings.trimToNull(baseImage);
    }

    public boolean isInsecureRegistry() {
        return insecureRegistry;
    }

    /** Push over plain HTTP (or to a registry with an untrusted certificate): a registry on a trusted network only. */
    @DataBoundSetter
    public void setInsecureRegistry(boolean insecureRegistry) {
        this.insecureRegistry = insecureRegistry;
    }

    public @CheckForNull String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(@CheckForNull String registryCredentialsId) {
        this.registryCredentialsId = Strings.trimToNull(registryCredentialsId);
    }

    public @CheckForNull String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    /** A secret file credential holding a kubeconfig; when blank, the agent's in-cluster service account or its own kubeconfig. */
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

    /** PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, for the Kafka credentials; the global default when blank, then PLAIN. */
    @DataBoundSetter
    public void setKafkaSaslMechanism(@CheckForNull String kafkaSaslMechanism) {
        this.kafkaSaslMechanism = Strings.trimToNull(kafkaSaslMechanism);
    }

    public @CheckForNull String getKafkaSecurityProtocol() {
        return kafkaSecurityProtocol;
    }

    /** SASL_SSL or SASL_PLAINTEXT, for the Kafka credentials; the global default when blank, then SASL_SSL. */
    @DataBoundSetter
    public void setKafkaSecurityProtocol(@CheckForNull String kafkaSecurityProtocol) {
        this.kafkaSecurityProtocol = Strings.trimToNull(kafkaSecurityProtocol);
    }

    public boolean isWait() {
        return wait;
    }

    /** Whether to wait until the new pods are available (the default), failing the build when the rollout fails. */
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

    /** Build and push the image, render the Kubernetes objects, apply nothing. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** The step's values, as the serializable description the execution keeps. */
    public DeployParameters parameters() {
        return DeployParameters.builder().definition(definition).deployment(deployment).namespace(namespace).image(image)
                .baseImage(baseImage).registryCredentialsId(registryCredentialsId).insecureRegistry(insecureRegistry)
                .kubeconfigCredentialsId(kubeconfigCredentialsId).kafkaBootstrapServers(kafkaBootstrapServers)
                .kafkaCredentialsId(kafkaCredentialsId).kafkaSaslMechanism(kafkaSaslMechanism).kafkaSecurityProtocol(kafkaSecurityProtocol)
                .waitForRollout(wait).timeout(timeout).dryRun(dryRun).build();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, parameters());
    }

    /**
     * Runs on a background thread of the controller (the CPS VM thread must not block), and does all its work
     * through the agent: the CLI is a process started by the build's {@link Launcher}, never code in this JVM.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final DeployParameters parameters;

        Execution(@NonNull StepContext context, DeployParameters parameters) {
            super(context);
            this.parameters = parameters;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            FilePath workspace = context.get(FilePath.class);
            Launcher launcher = context.get(Launcher.class);
            EnvVars environment = context.get(EnvVars.class);
            try {
                DeployDefaults defaults = DataPipelinesConfiguration.get().defaults();
                DeploySettings settings = DeploySettings.resolve(parameters, defaults);
                PipelineDeployer deployer = new PipelineDeployer(run, workspace, launcher, environment, listener);
                RollbackRequest rollback = run.getAction(RollbackRequest.class);
                if (rollback == null) {
                    return deployer.deploy(settings).toStepResult();
                }
                if (settings.dryRun()) {
                    // A rollback builds no image, and a dry run deploys nothing: nothing is left to do.
                    listener.getLogger().println(Messages.DataPipelineDeployStep_DryRunSkipped(Integer.toString(rollback.getBuildNumber())));
                    Map<String, Object> skipped = new LinkedHashMap<>(); // as DeploymentRecord#toStepResult: sandbox-safe
                    skipped.put("dryRun", true);
                    skipped.put("skipped", true);
                    return skipped;
                }
                return Rollbacks.perform(run, rollback, settings, defaults, deployer).toStepResult();
            } catch (DeploymentFailure e) {
                throw new AbortException(e.getMessage());
            }
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "dataPipelineDeploy";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DataPipelineDeployStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, EnvVars.class);
        }

        @POST
        public FormValidation doCheckDefinition(@AncestorInPath Item item, @QueryParameter String value) {
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
        public ListBoxModel doFillKafkaSaslMechanismItems() {
            return FieldChecks.choices(Names.SASL_MECHANISMS);
        }

        @POST
        public ListBoxModel doFillKafkaSecurityProtocolItems() {
            return FieldChecks.choices(Names.KAFKA_SECURITY_PROTOCOLS);
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
