package io.jenkins.plugins.datapipelines;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every {@code dataPipelineDeploy} step, in Manage Jenkins &gt; System. Each property is a
 * {@link DataBoundSetter} that saves, which is all Configuration as Code needs:
 * <pre>
 * unclassified:
 *   dataPipelines:
 *     namespace: pipelines
 *     imageRepositoryPrefix: registry.example.com/pipelines
 *     baseImage: registry.example.com/java/jre@sha256:...
 * </pre>
 */
@Extension
@Symbol("dataPipelines")
public class DataPipelinesConfiguration extends GlobalConfiguration {
    private String namespace;
    private String imageRepositoryPrefix;
    private String baseImage;
    private String registryCredentialsId;
    private boolean insecureRegistry;
    private String kubeconfigCredentialsId;
    private String kafkaBootstrapServers;
    private String kafkaCredentialsId;
    private String kafkaSaslMechanism;
    private String kafkaSecurityProtocol;
    private String timeout;

    public DataPipelinesConfiguration() {
        load();
    }

    public static @NonNull DataPipelinesConfiguration get() {
        return ExtensionList.lookupSingleton(DataPipelinesConfiguration.class);
    }

    /** The values as the deployment logic takes them. */
    public DeployDefaults defaults() {
        return new DeployDefaults(namespace, imageRepositoryPrefix, baseImage, registryCredentialsId, insecureRegistry, kubeconfigCredentialsId,
                kafkaBootstrapServers, kafkaCredentialsId, kafkaSaslMechanism, kafkaSecurityProtocol, timeout);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.DataPipelinesConfiguration_DisplayName();
    }

    public @CheckForNull String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(@CheckForNull String namespace) {
        this.namespace = Strings.trimToNull(namespace);
        save();
    }

    public @CheckForNull String getImageRepositoryPrefix() {
        return imageRepositoryPrefix;
    }

    @DataBoundSetter
    public void setImageRepositoryPrefix(@CheckForNull String imageRepositoryPrefix) {
        this.imageRepositoryPrefix = Strings.trimToNull(imageRepositoryPrefix);
        save();
    }

    public @CheckForNull String getBaseImage() {
        return baseImage;
    }

    /** The image every pipeline is built on unless its step names another; pinned by digest in production. */
    @DataBoundSetter
    public void setBaseImage(@CheckForNull String baseImage) {
        this.baseImage = Strings.trimToNull(baseImage);
        save();
    }

    public boolean isInsecureRegistry() {
        return insecureRegistry;
    }

    /** Let every step push over plain HTTP: only for a registry on a trusted network. */
    @DataBoundSetter
    public void setInsecureRegistry(boolean insecureRegistry) {
        this.insecureRegistry = insecureRegistry;
        save();
    }

    public @CheckForNull String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(@CheckForNull String registryCredentialsId) {
        this.registryCredentialsId = Strings.trimToNull(registryCredentialsId);
        save();
    }

    public @CheckForNull String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    @DataBoundSetter
    public void setKubeconfigCredentialsId(@CheckForNull String kubeconfigCredentialsId) {
        this.kubeconfigCredentialsId = Strings.trimToNull(kubeconfigCredentialsId);
        save();
    }

    public @CheckForNull String getKafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    @DataBoundSetter
    public void setKafkaBootstrapServers(@CheckForNull String kafkaBootstrapServers) {
        this.kafkaBootstrapServers = Strings.trimToNull(kafkaBootstrapServers);
        save();
    }

    public @CheckForNull String getKafkaCredentialsId() {
        return kafkaCredentialsId;
    }

    @DataBoundSetter
    public void setKafkaCredentialsId(@CheckForNull String kafkaCredentialsId) {
        this.kafkaCredentialsId = Strings.trimToNull(kafkaCredentialsId);
        save();
    }

    public @CheckForNull String getKafkaSaslMechanism() {
        return kafkaSaslMechanism;
    }

    @DataBoundSetter
    public void setKafkaSaslMechanism(@CheckForNull String kafkaSaslMechanism) {
        this.kafkaSaslMechanism = Strings.trimToNull(kafkaSaslMechanism);
        save();
    }

    public @CheckForNull String getKafkaSecurityProtocol() {
        return kafkaSecurityProtocol;
    }

    @DataBoundSetter
    public void setKafkaSecurityProtocol(@CheckForNull String kafkaSecurityProtocol) {
        this.kafkaSecurityProtocol = Strings.trimToNull(kafkaSecurityProtocol);
        save();
    }

    public @CheckForNull String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(@CheckForNull String timeout) {
        this.timeout = Strings.trimToNull(timeout);
        save();
    }

    @POST
    public FormValidation doCheckNamespace(@QueryParameter String value) {
        return FieldChecks.canConfigure(null) ? FieldChecks.namespace(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckImageRepositoryPrefix(@QueryParameter String value) {
        return FieldChecks.canConfigure(null) ? FieldChecks.imageRepositoryPrefix(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckBaseImage(@QueryParameter String value) {
        return FieldChecks.canConfigure(null) ? FieldChecks.baseImage(value, true) : FormValidation.ok();
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
    public FormValidation doCheckKafkaBootstrapServers(@QueryParameter String value) {
        return FieldChecks.canConfigure(null) ? FieldChecks.kafkaBootstrapServers(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckTimeout(@QueryParameter String value) {
        return FieldChecks.canConfigure(null) ? FieldChecks.timeout(value) : FormValidation.ok();
    }

    @POST
    public ListBoxModel doFillRegistryCredentialsIdItems(@QueryParameter String registryCredentialsId) {
        return CredentialsListBoxes.fill(null, registryCredentialsId, StandardUsernamePasswordCredentials.class);
    }

    @POST
    public ListBoxModel doFillKubeconfigCredentialsIdItems(@QueryParameter String kubeconfigCredentialsId) {
        return CredentialsListBoxes.fill(null, kubeconfigCredentialsId, FileCredentials.class);
    }

    @POST
    public ListBoxModel doFillKafkaCredentialsIdItems(@QueryParameter String kafkaCredentialsId) {
        return CredentialsListBoxes.fill(null, kafkaCredentialsId, StandardUsernamePasswordCredentials.class);
    }

    @POST
    public FormValidation doCheckRegistryCredentialsId(@QueryParameter String value) {
        return CredentialsListBoxes.check(null, value, StandardUsernamePasswordCredentials.class);
    }

    @POST
    public FormValidation doCheckKubeconfigCredentialsId(@QueryParameter String value) {
        return CredentialsListBoxes.check(null, value, FileCredentials.class);
    }

    @POST
    public FormValidation doCheckKafkaCredentialsId(@QueryParameter String value) {
        return CredentialsListBoxes.check(null, value, StandardUsernamePasswordCredentials.class);
    }
}
