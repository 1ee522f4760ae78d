package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Defaults for every deployment (the {@code dataPipelineDeploy} step and the Data Pipeline job), in Manage Jenkins
 * &gt; System: the deployment settings model itself ({@link DeployOptions}: its one form, help files and descriptor
 * with every check and fill; the global page shows the settings that make sense as defaults), plus the
 * {@code imageRepositoryPrefix} only a global default can have. The flat properties delegate to the options, so
 * Configuration as Code keeps its flat shape:
 * <pre>
 * unclassified:
 *   dataPipelines:
 *     namespace: pipelines
 *     imageRepositoryPrefix: registry.example.com/pipelines
 *     baseImage: registry.example.com/java/jre@sha256:...
 * </pre>
 * Defaults merge with a deployment's own settings in one place, {@link DeploySettings#resolve}.
 */
@Extension
@Symbol("dataPipelines")
public class DataPipelinesConfiguration extends GlobalConfiguration {
    private String imageRepositoryPrefix;
    /** Replaced by readResolve for a configuration stored by an older version. */
    private DeployOptions options = new DeployOptions();

    // The flat shape of older versions: read from a stored configuration and moved into the options by readResolve,
    // then null, which XStream does not write.
    @Deprecated private String namespace;
    @Deprecated private String baseImage;
    @Deprecated private String registryCredentialsId;
    @Deprecated private Boolean insecureRegistry;
    @Deprecated private String kubeconfigCredentialsId;
    @Deprecated private String kafkaBootstrapServers;
    @Deprecated private String kafkaCredentialsId;
    @Deprecated private String kafkaSaslMechanism;
    @Deprecated private String kafkaSecurityProtocol;
    @Deprecated private String timeout;

    public DataPipelinesConfiguration() {
        load();
    }

    public static @NonNull DataPipelinesConfiguration get() {
        return ExtensionList.lookupSingleton(DataPipelinesConfiguration.class);
    }

    /**
     * After XStream loaded the configuration (Descriptor.load unmarshals into this instance, then calls this): one
     * stored in the flat shape of older versions ({@code <namespace>}... directly in it) has its values moved into the
     * options; the next save writes the new shape only.
     */
    @SuppressWarnings("deprecation")
    protected Object readResolve() {
        if (options == null) {
            options = new DeployOptions();
        }
        if (namespace != null || baseImage != null || registryCredentialsId != null || insecureRegistry != null || kubeconfigCredentialsId != null || kafkaBootstrapServers != null || kafkaCredentialsId != null || kafkaSaslMechanism != null || kafkaSecurityProtocol != null || timeout != null) {
            DeployOptions migrated = new DeployOptions();
            migrated.setNamespace(namespace);
            migrated.setBaseImage(baseImage);
            migrated.setRegistryCredentialsId(registryCredentialsId);
            migrated.setInsecureRegistry(Boolean.TRUE.equals(insecureRegistry));
            migrated.setKubeconfigCredentialsId(kubeconfigCredentialsId);
            migrated.setKafkaBootstrapServers(kafkaBootstrapServers);
            migrated.setKafkaCredentialsId(kafkaCredentialsId);
            migrated.setKafkaSaslMechanism(kafkaSaslMechanism);
            migrated.setKafkaSecurityProtocol(kafkaSecurityProtocol);
            migrated.setTimeout(timeout);
            options = migrated;
        }
        namespace = baseImage = registryCredentialsId = kubeconfigCredentialsId = kafkaBootstrapServers = kafkaCredentialsId = null;
        kafkaSaslMechanism = kafkaSecurityProtocol = timeout = null;
        insecureRegistry = null;
        return this;
    }

    /** The values as the deployment logic takes them: the options' snapshot ({@link DeploySettings#resolve} reads the defaults of it). */
    public DeployDefaults defaults() {
        return new DeployDefaults(options.parameters(null), imageRepositoryPrefix);
    }

    /** The deployment settings these defaults are (only those the global form shows are used). */
    public DeployOptions getOptions() {
        return options;
    }

    /** The form, help and checks of the settings: DeployOptions' own ({@code config.jelly} includes its form). */
    public DeployOptions.DescriptorImpl getOptionsDescriptor() {
        return Jenkins.get().getDescriptorByType(DeployOptions.DescriptorImpl.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.DataPipelinesConfiguration_DisplayName();
    }

    public @CheckForNull String getImageRepositoryPrefix() {
        return imageRepositoryPrefix;
    }

    /** Each pipeline's image goes to {@code PREFIX/PIPELINE-NAME} unless its deployment names an image. */
    @DataBoundSetter
    public void setImageRepositoryPrefix(@CheckForNull String imageRepositoryPrefix) {
        this.imageRepositoryPrefix = Strings.trimToNull(imageRepositoryPrefix);
        save();
    }

    public @CheckForNull String getNamespace() {
        return options.getNamespace();
    }

    @DataBoundSetter
    public void setNamespace(@CheckForNull String namespace) {
        options.setNamespace(namespace);
        save();
    }

    public @CheckForNull String getBaseImage() {
        return options.getBaseImage();
    }

    @DataBoundSetter
    public void setBaseImage(@CheckForNull String baseImage) {
        options.setBaseImage(baseImage);
        save();
    }

    public @CheckForNull String getRegistryCredentialsId() {
        return options.getRegistryCredentialsId();
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(@CheckForNull String registryCredentialsId) {
        options.setRegistryCredentialsId(registryCredentialsId);
        save();
    }

    public boolean isInsecureRegistry() {
        return options.isInsecureRegistry();
    }

    @DataBoundSetter
    public void setInsecureRegistry(boolean insecureRegistry) {
        options.setInsecureRegistry(insecureRegistry);
        save();
    }

    public @CheckForNull String getKubeconfigCredentialsId() {
        return options.getKubeconfigCredentialsId();
    }

    @DataBoundSetter
    public void setKubeconfigCredentialsId(@CheckForNull String kubeconfigCredentialsId) {
        options.setKubeconfigCredentialsId(kubeconfigCredentialsId);
        save();
    }

    public @CheckForNull String getKafkaBootstrapServers() {
        return options.getKafkaBootstrapServers();
    }

    @DataBoundSetter
    public void setKafkaBootstrapServers(@CheckForNull String kafkaBootstrapServers) {
        options.setKafkaBootstrapServers(kafkaBootstrapServers);
        save();
    }

    public @CheckForNull String getKafkaCredentialsId() {
        return options.getKafkaCredentialsId();
    }

    @DataBoundSetter
    public void setKafkaCredentialsId(@CheckForNull String kafkaCredentialsId) {
        options.setKafkaCredentialsId(kafkaCredentialsId);
        save();
    }

    public @CheckForNull String getKafkaSaslMechanism() {
        return options.getKafkaSaslMechanism();
    }

    @DataBoundSetter
    public void setKafkaSaslMechanism(@CheckForNull String kafkaSaslMechanism) {
        options.setKafkaSaslMechanism(kafkaSaslMechanism);
        save();
    }

    public @CheckForNull String getKafkaSecurityProtocol() {
        return options.getKafkaSecurityProtocol();
    }

    @DataBoundSetter
    public void setKafkaSecurityProtocol(@CheckForNull String kafkaSecurityProtocol) {
        options.setKafkaSecurityProtocol(kafkaSecurityProtocol);
        save();
    }

    public @CheckForNull String getTimeout() {
        return options.getTimeout();
    }

    @DataBoundSetter
    public void setTimeout(@CheckForNull String timeout) {
        options.setTimeout(timeout);
        save();
    }

    // The NetworkPolicy's peers, default for every deployment that sets none (a deployment's own list replaces, never adds).

    public @CheckForNull String getKafkaCidrs() {
        return options.getKafkaCidrs();
    }

    @DataBoundSetter
    public void setKafkaCidrs(@CheckForNull String kafkaCidrs) {
        options.setKafkaCidrs(kafkaCidrs);
        save();
    }

    public @CheckForNull String getKafkaNamespaces() {
        return options.getKafkaNamespaces();
    }

    @DataBoundSetter
    public void setKafkaNamespaces(@CheckForNull String kafkaNamespaces) {
        options.setKafkaNamespaces(kafkaNamespaces);
        save();
    }

    public @CheckForNull String getKafkaPodLabels() {
        return options.getKafkaPodLabels();
    }

    @DataBoundSetter
    public void setKafkaPodLabels(@CheckForNull String kafkaPodLabels) {
        options.setKafkaPodLabels(kafkaPodLabels);
        save();
    }

    public @CheckForNull String getDnsNamespace() {
        return options.getDnsNamespace();
    }

    @DataBoundSetter
    public void setDnsNamespace(@CheckForNull String dnsNamespace) {
        options.setDnsNamespace(dnsNamespace);
        save();
    }

    public @CheckForNull String getDnsPodLabels() {
        return options.getDnsPodLabels();
    }

    @DataBoundSetter
    public void setDnsPodLabels(@CheckForNull String dnsPodLabels) {
        options.setDnsPodLabels(dnsPodLabels);
        save();
    }

    public @CheckForNull String getMetricsNamespaces() {
        return options.getMetricsNamespaces();
    }

    @DataBoundSetter
    public void setMetricsNamespaces(@CheckForNull String metricsNamespaces) {
        options.setMetricsNamespaces(metricsNamespaces);
        save();
    }
}
