package io.jenkins.plugins.datapipelines;

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
import jenkins.model.Jenkins;
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

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    /** Every other parameter: the settings model shared with the Data Pipeline job ({@link DeployOptions}). */
    private final DeployOptions options = new DeployOptions();

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

    // The flat Pipeline syntax (dataPipelineDeploy namespace: 'prod', wait: false): each parameter delegates to the options.

    public @CheckForNull String getDeployment() {
        return options.getDeployment();
    }

    /** The deployment's name; the pipeline's name when blank. One pipeline may be deployed under several names. */
    @DataBoundSetter
    public void setDeployment(@CheckForNull String deployment) {
        options.setDeployment(deployment);
    }

    public @CheckForNull String getNamespace() {
        return options.getNamespace();
    }

    @DataBoundSetter
    public void setNamespace(@CheckForNull String namespace) {
        options.setNamespace(namespace);
    }

    public @CheckForNull String getImage() {
        return options.getImage();
    }

    /** The image repository to push to (no tag: images are pushed and deployed by digest). */
    @DataBoundSetter
    public void setImage(@CheckForNull String image) {
        options.setImage(image);
    }

    public @CheckForNull String getBaseImage() {
        return options.getBaseImage();
    }

    /** The image pipelines are built on (java 17+); the global default when blank. */
    @DataBoundSetter
    public void setBaseImage(@CheckForNull String baseImage) {
        options.setBaseImage(baseImage);
    }

    public @CheckForNull String getRegistryCredentialsId() {
        return options.getRegistryCredentialsId();
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(@CheckForNull String registryCredentialsId) {
        options.setRegistryCredentialsId(registryCredentialsId);
    }

    public boolean isInsecureRegistry() {
        return options.isInsecureRegistry();
    }

    /** Push over plain HTTP: a registry on a trusted network only. */
    @DataBoundSetter
    public void setInsecureRegistry(boolean insecureRegistry) {
        options.setInsecureRegistry(insecureRegistry);
    }

    public @CheckForNull String getKubeconfigCredentialsId() {
        return options.getKubeconfigCredentialsId();
    }

    /** A secret file credential holding a kubeconfig; blank: the agent's own cluster access. */
    @DataBoundSetter
    public void setKubeconfigCredentialsId(@CheckForNull String kubeconfigCredentialsId) {
        options.setKubeconfigCredentialsId(kubeconfigCredentialsId);
    }

    public @CheckForNull String getKafkaBootstrapServers() {
        return options.getKafkaBootstrapServers();
    }

    @DataBoundSetter
    public void setKafkaBootstrapServers(@CheckForNull String kafkaBootstrapServers) {
        options.setKafkaBootstrapServers(kafkaBootstrapServers);
    }

    public @CheckForNull String getKafkaCredentialsId() {
        return options.getKafkaCredentialsId();
    }

    @DataBoundSetter
    public void setKafkaCredentialsId(@CheckForNull String kafkaCredentialsId) {
        options.setKafkaCredentialsId(kafkaCredentialsId);
    }

    public @CheckForNull String getKafkaSaslMechanism() {
        return options.getKafkaSaslMechanism();
    }

    /** PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512; the global default when blank, then PLAIN. */
    @DataBoundSetter
    public void setKafkaSaslMechanism(@CheckForNull String kafkaSaslMechanism) {
        options.setKafkaSaslMechanism(kafkaSaslMechanism);
    }

    public @CheckForNull String getKafkaSecurityProtocol() {
        return options.getKafkaSecurityProtocol();
    }

    /** SASL_SSL or SASL_PLAINTEXT; the global default when blank, then SASL_SSL. */
    @DataBoundSetter
    public void setKafkaSecurityProtocol(@CheckForNull String kafkaSecurityProtocol) {
        options.setKafkaSecurityProtocol(kafkaSecurityProtocol);
    }

    public boolean isWait() {
        return options.isWait();
    }

    /** Whether to wait until the new pods are available (the default), failing the build when the rollout fails. */
    @DataBoundSetter
    public void setWait(boolean wait) {
        options.setWait(wait);
    }

    public @CheckForNull String getTimeout() {
        return options.getTimeout();
    }

    @DataBoundSetter
    public void setTimeout(@CheckForNull String timeout) {
        options.setTimeout(timeout);
    }

    public boolean isDryRun() {
        return options.isDryRun();
    }

    /** Build and push the image, render the Kubernetes objects, apply nothing. */
    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        options.setDryRun(dryRun);
    }

    // The NetworkPolicy's peers (dataPipelineDeploy kafkaPodLabels: 'app=kafka'): text, items separated by blanks or commas.

    public @CheckForNull String getKafkaCidrs() {
        return options.getKafkaCidrs();
    }

    @DataBoundSetter
    public void setKafkaCidrs(@CheckForNull String kafkaCidrs) {
        options.setKafkaCidrs(kafkaCidrs);
    }

    public @CheckForNull String getKafkaNamespaces() {
        return options.getKafkaNamespaces();
    }

    @DataBoundSetter
    public void setKafkaNamespaces(@CheckForNull String kafkaNamespaces) {
        options.setKafkaNamespaces(kafkaNamespaces);
    }

    public @CheckForNull String getKafkaPodLabels() {
        return options.getKafkaPodLabels();
    }

    @DataBoundSetter
    public void setKafkaPodLabels(@CheckForNull String kafkaPodLabels) {
        options.setKafkaPodLabels(kafkaPodLabels);
    }

    public @CheckForNull String getDnsNamespace() {
        return options.getDnsNamespace();
    }

    @DataBoundSetter
    public void setDnsNamespace(@CheckForNull String dnsNamespace) {
        options.setDnsNamespace(dnsNamespace);
    }

    public @CheckForNull String getDnsPodLabels() {
        return options.getDnsPodLabels();
    }

    @DataBoundSetter
    public void setDnsPodLabels(@CheckForNull String dnsPodLabels) {
        options.setDnsPodLabels(dnsPodLabels);
    }

    public @CheckForNull String getMetricsNamespaces() {
        return options.getMetricsNamespaces();
    }

    @DataBoundSetter
    public void setMetricsNamespaces(@CheckForNull String metricsNamespaces) {
        options.setMetricsNamespaces(metricsNamespaces);
    }

    public boolean isShadow() {
        return options.isShadow();
    }

    @DataBoundSetter
    public void setShadow(boolean shadow) {
        options.setShadow(shadow);
    }

    public @CheckForNull String getShadowRecords() {
        return options.getShadowRecords();
    }

    @DataBoundSetter
    public void setShadowRecords(@CheckForNull String shadowRecords) {
        options.setShadowRecords(shadowRecords);
    }

    public @CheckForNull String getShadowTimeout() {
        return options.getShadowTimeout();
    }

    @DataBoundSetter
    public void setShadowTimeout(@CheckForNull String shadowTimeout) {
        options.setShadowTimeout(shadowTimeout);
    }

    public @CheckForNull String getShadowMaxChangedRate() {
        return options.getShadowMaxChangedRate();
    }

    @DataBoundSetter
    public void setShadowMaxChangedRate(@CheckForNull String shadowMaxChangedRate) {
        options.setShadowMaxChangedRate(shadowMaxChangedRate);
    }

    public @CheckForNull String getShadowMaxNewDeadLetterRate() {
        return options.getShadowMaxNewDeadLetterRate();
    }

    @DataBoundSetter
    public void setShadowMaxNewDeadLetterRate(@CheckForNull String shadowMaxNewDeadLetterRate) {
        options.setShadowMaxNewDeadLetterRate(shadowMaxNewDeadLetterRate);
    }

    public @CheckForNull String getCliTool() {
        return options.getCliTool();
    }

    /** The Data Pipelines CLI installation to run, by name; empty: the first one, else {@code datapipelines} on the PATH. */
    @DataBoundSetter
    public void setCliTool(@CheckForNull String cliTool) {
        options.setCliTool(cliTool);
    }

    /** The step's values, as the serializable description the execution keeps. */
    public DeployParameters parameters() {
        return options.parameters(definition);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, parameters(), options.getCliTool());
    }

    /**
     * Runs on a background thread of the controller (the CPS VM thread must not block), and does all its work
     * through the agent: the CLI is a process started by the build's {@link Launcher}, never code in this JVM.
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final DeployParameters parameters;
        private final @CheckForNull String cliTool;
        /**
         * The rollout asked of the cluster and not yet recorded, saved with the program's state before deploy runs:
         * after a controller restart, {@link #onResume()} re-attaches to it.
         */
        private volatile @CheckForNull PendingRollout pending;

        Execution(@NonNull StepContext context, DeployParameters parameters, @CheckForNull String cliTool) {
            super(context);
            this.parameters = parameters;
            this.cliTool = cliTool;
        }

        /** Keeps what is about to be rolled out, saved before the rollout starts. */
        private void checkpoint(PendingRollout rollout) throws IOException, InterruptedException {
            pending = rollout;
            try {
                getContext().saveState().get(1, TimeUnit.MINUTES);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("could not save the step's state before the rollout", e);
            }
        }

        /**
         * After a controller restart (a synchronous step would simply fail, while the cluster carries on): re-attaches
         * to the rollout through {@code datapipelines status} and finishes with the result and record it would have
         * had, or fails saying what the cluster runs; before any rollout, fails saying nothing was deployed.
         */
        @Override
        public void onResume() {
            StepContext context = getContext();
            PendingRollout rollout = pending;
            if (rollout == null) {
                context.onFailure(new AbortException(Messages.DeploymentSequence_NothingDeployed()));
                return;
            }
            Thread reattach = new Thread(() -> {
                try {
                    PipelineDeployer deployer = new PipelineDeployer(context.get(Run.class), context.get(FilePath.class), context.get(Launcher.class),
                            context.get(EnvVars.class), context.get(TaskListener.class), cliTool);
                    context.onSuccess(deployer.reattach(rollout).toStepResult());
                } catch (DeploymentFailure e) {
                    context.onFailure(new AbortException(e.getMessage()));
                } catch (Throwable e) {
                    context.onFailure(e);
                }
            }, "dataPipelineDeploy re-attaching to " + rollout.target());
            reattach.setDaemon(true);
            reattach.start();
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
                PipelineDeployer deployer = new PipelineDeployer(run, workspace, launcher, environment, listener, cliTool);
                RollbackRequest rollback = run.getAction(RollbackRequest.class);
                if (rollback == null) {
                    return deployer.deploy(settings, this::checkpoint).toStepResult();
                }
                if (settings.dryRun()) {
                    // A rollback builds no image, and a dry run deploys nothing: nothing is left to do.
                    listener.getLogger().println(Messages.DataPipelineDeployStep_DryRunSkipped(Integer.toString(rollback.getBuildNumber())));
                    Map<String, Object> skipped = new LinkedHashMap<>(); // as DeploymentRecord#toStepResult: sandbox-safe
                    skipped.put("dryRun", true);
                    skipped.put("skipped", true);
                    return skipped;
                }
                return Rollbacks.perform(run, rollback, settings, defaults, deployer, this::checkpoint).toStepResult();
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

        /** The form, help and checks of every other parameter ({@code config.jelly} includes its form). */
        public DeployOptions.DescriptorImpl getOptionsDescriptor() {
            return Jenkins.get().getDescriptorByType(DeployOptions.DescriptorImpl.class);
        }
    }
}
