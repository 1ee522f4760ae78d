package io.jenkins.plugins.datapipelines;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.util.Objects;

/**
 * Where and how a definition is deployed: the one settings model of the plugin. Its form ({@code config.jelly}), help
 * files and checks ({@link DescriptorImpl}) exist once; the Data Pipeline job's build step embeds it
 * ({@code <f:property field="options"/>}), and the {@code dataPipelineDeploy} step and the global defaults
 * ({@link DataPipelinesConfiguration}) keep their flat syntax (each setting a parameter of its own, for Pipeline and
 * Configuration as Code) and delegate to one, including its form with this descriptor. {@link #parameters(String)} is its serializable
 * snapshot; defaults are merged in one place ({@link DeploySettings#resolve}).
 */
public final class DeployOptions implements Describable<DeployOptions> {
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
    /** Null when stored without {@code <wait>} (XStream runs no field initialiser): true, as {@link #readResolve()} makes it. */
    private @CheckForNull Boolean wait = Boolean.TRUE;
    private String timeout;
    private boolean dryRun;
    // The NetworkPolicy's peers (NetworkSettings): text, items separated by blanks or commas; null (also in what an
    // older version stored) is unset.
    private String kafkaCidrs;
    private String kafkaNamespaces;
    private String kafkaPodLabels;
    private String dnsNamespace;
    private String dnsPodLabels;
    private String metricsNamespaces;
    // The shadow (ShadowSettings): false and null (also in what an older version stored) are no shadow and unset thresholds.
    private boolean shadow;
    private String shadowRecords;
    private String shadowTimeout;
    private String shadowMaxChangedRate;
    private String shadowMaxNewDeadLetterRate;
    /**
     * The Data Pipelines CLI installation by name; null: the first configured, else the PATH's. Which program runs the
     * deployment, not part of what is deployed: not in {@link #parameters(String)} (so neither recorded with a
     * deployment nor taken from a recorded one by a rollback), and no global default.
     */
    private String cliTool;

    @DataBoundConstructor
    public DeployOptions() {
    }

    /** Defaults for fields that stored configuration does not have. */
    protected Object readResolve() {
        if (wait == null) {
            wait = Boolean.TRUE;
        }
        return this;
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

    /** Push over plain HTTP (or to a registry with an untrusted certificate): a registry on a trusted network only. */
    @DataBoundSetter
    public void setInsecureRegistry(boolean insecureRegistry) {
        this.insecureRegistry = insecureRegistry;
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
        return wait == null || wait;
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

    public @CheckForNull String getKafkaCidrs() {
        return kafkaCidrs;
    }

    /** The Kafka brokers' addresses as CIDRs (brokers outside the cluster): the NetworkPolicy lets the pods reach only the Kafka peers on the Kafka ports. */
    @DataBoundSetter
    public void setKafkaCidrs(@CheckForNull String kafkaCidrs) {
        this.kafkaCidrs = Strings.trimToNull(kafkaCidrs);
    }

    public @CheckForNull String getKafkaNamespaces() {
        return kafkaNamespaces;
    }

    /** Namespaces the Kafka brokers run in (with {@link #setKafkaPodLabels pod labels}: those pods there). */
    @DataBoundSetter
    public void setKafkaNamespaces(@CheckForNull String kafkaNamespaces) {
        this.kafkaNamespaces = Strings.trimToNull(kafkaNamespaces);
    }

    public @CheckForNull String getKafkaPodLabels() {
        return kafkaPodLabels;
    }

    /** Labels of the Kafka broker pods, {@code KEY=VALUE}, all must match: in the Kafka namespaces, else in the deployment's own. */
    @DataBoundSetter
    public void setKafkaPodLabels(@CheckForNull String kafkaPodLabels) {
        this.kafkaPodLabels = Strings.trimToNull(kafkaPodLabels);
    }

    public @CheckForNull String getDnsNamespace() {
        return dnsNamespace;
    }

    /** Where the cluster DNS pods run; the CLI's default is kube-system. */
    @DataBoundSetter
    public void setDnsNamespace(@CheckForNull String dnsNamespace) {
        this.dnsNamespace = Strings.trimToNull(dnsNamespace);
    }

    public @CheckForNull String getDnsPodLabels() {
        return dnsPodLabels;
    }

    /** Labels of the cluster DNS pods, {@code KEY=VALUE}, all must match; the CLI's default is k8s-app=kube-dns. */
    @DataBoundSetter
    public void setDnsPodLabels(@CheckForNull String dnsPodLabels) {
        this.dnsPodLabels = Strings.trimToNull(dnsPodLabels);
    }

    public @CheckForNull String getMetricsNamespaces() {
        return metricsNamespaces;
    }

    /** Namespaces that may reach port 8080 ({@code /metrics}): where Prometheus runs. Unset: open to any address. */
    @DataBoundSetter
    public void setMetricsNamespaces(@CheckForNull String metricsNamespaces) {
        this.metricsNamespaces = Strings.trimToNull(metricsNamespaces);
    }

    public boolean isShadow() {
        return shadow;
    }

    /**
     * First run the new revision as a shadow of the live one, on live traffic, and deploy it only if its differences
     * are within the thresholds; else the build fails and the live revision stays (docs/shadow.md).
     */
    @DataBoundSetter
    public void setShadow(boolean shadow) {
        this.shadow = shadow;
    }

    public @CheckForNull String getShadowRecords() {
        return shadowRecords;
    }

    /** Records the shadow compares before its verdict; the definition's spec.deployment.shadow.records when blank. */
    @DataBoundSetter
    public void setShadowRecords(@CheckForNull String shadowRecords) {
        this.shadowRecords = Strings.trimToNull(shadowRecords);
    }

    public @CheckForNull String getShadowTimeout() {
        return shadowTimeout;
    }

    /** How long the shadow may take to compare them before the deployment is aborted; the definition's when blank. */
    @DataBoundSetter
    public void setShadowTimeout(@CheckForNull String shadowTimeout) {
        this.shadowTimeout = Strings.trimToNull(shadowTimeout);
    }

    public @CheckForNull String getShadowMaxChangedRate() {
        return shadowMaxChangedRate;
    }

    /** The largest share (0..1) of changed records that is still promoted; the definition's when blank. */
    @DataBoundSetter
    public void setShadowMaxChangedRate(@CheckForNull String shadowMaxChangedRate) {
        this.shadowMaxChangedRate = Strings.trimToNull(shadowMaxChangedRate);
    }

    public @CheckForNull String getShadowMaxNewDeadLetterRate() {
        return shadowMaxNewDeadLetterRate;
    }

    /** The largest share (0..1) of new dead letters that is still promoted; the definition's when blank. */
    @DataBoundSetter
    public void setShadowMaxNewDeadLetterRate(@CheckForNull String shadowMaxNewDeadLetterRate) {
        this.shadowMaxNewDeadLetterRate = Strings.trimToNull(shadowMaxNewDeadLetterRate);
    }

    public @CheckForNull String getCliTool() {
        return cliTool;
    }

    /**
     * The Data Pipelines CLI installation (Manage Jenkins » Tools) to run, by name; empty: the first one, else
     * {@code datapipelines} on the PATH.
     */
    @DataBoundSetter
    public void setCliTool(@CheckForNull String cliTool) {
        this.cliTool = Strings.trimToNull(cliTool);
    }

    /** The shadow asked for here. */
    public ShadowSettings shadowSettings() {
        return ShadowSettings.builder().enabled(shadow).records(shadowRecords).timeout(shadowTimeout).maxChangedRate(shadowMaxChangedRate)
                .maxNewDeadLetterRate(shadowMaxNewDeadLetterRate).build();
    }

    /** The NetworkPolicy's peers asked for here. */
    public NetworkSettings network() {
        return NetworkSettings.builder().kafkaCidrs(kafkaCidrs).kafkaNamespaces(kafkaNamespaces).kafkaPodLabels(kafkaPodLabels)
                .dnsNamespace(dnsNamespace).dnsPodLabels(dnsPodLabels).metricsNamespaces(metricsNamespaces).build();
    }

    /** These settings for one definition file, as the deployment logic (and a build's record) keeps them. */
    public DeployParameters parameters(@CheckForNull String definition) {
        return DeployParameters.builder().definition(definition).deployment(deployment).namespace(namespace).image(image)
                .baseImage(baseImage).registryCredentialsId(registryCredentialsId).insecureRegistry(insecureRegistry)
                .kubeconfigCredentialsId(kubeconfigCredentialsId).kafkaBootstrapServers(kafkaBootstrapServers)
                .kafkaCredentialsId(kafkaCredentialsId).kafkaSaslMechanism(kafkaSaslMechanism).kafkaSecurityProtocol(kafkaSecurityProtocol)
                .waitForRollout(isWait()).timeout(timeout).dryRun(dryRun).network(network()).shadow(shadowSettings()).build();
    }

    /** Equal settings (for configuration round trips and tests). */
    @Override
    public boolean equals(Object o) {
        return o instanceof DeployOptions other && parameters(null).equals(other.parameters(null)) && Objects.equals(cliTool, other.cliTool);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deployment, namespace, image, timeout);
    }

    /** Every check and drop-down of the deployment settings, for every form that shows them. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<DeployOptions> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DeployOptions_DisplayName();
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

        /** On the global page (no item) blank means the agents' DATAPIPELINES_BASE_IMAGE; in a job, the global default. */
        @POST
        public FormValidation doCheckBaseImage(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.baseImage(value, item == null) : FormValidation.ok();
        }

        /** Global only ({@link DataPipelinesConfiguration}): where each pipeline's image goes when its deployment names none. */
        @POST
        public FormValidation doCheckImageRepositoryPrefix(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.imageRepositoryPrefix(value) : FormValidation.ok();
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
        public FormValidation doCheckKafkaCidrs(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.cidrs(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckKafkaNamespaces(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.namespaces(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckKafkaPodLabels(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.labels(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckDnsNamespace(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.namespace(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckDnsPodLabels(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.labels(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckMetricsNamespaces(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.namespaces(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckShadowRecords(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.positiveWholeNumber(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckShadowTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.timeout(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckShadowMaxChangedRate(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.rate(value) : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckShadowMaxNewDeadLetterRate(@AncestorInPath Item item, @QueryParameter String value) {
            return FieldChecks.canConfigure(item) ? FieldChecks.rate(value) : FormValidation.ok();
        }

        @POST
        public ListBoxModel doFillCliToolItems(@AncestorInPath Item item) {
            return FieldChecks.canConfigure(item) ? FieldChecks.cliTools() : new ListBoxModel();
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
