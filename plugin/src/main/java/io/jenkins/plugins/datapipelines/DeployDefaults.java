package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * The defaults an administrator set in Manage Jenkins &gt; System (or Configuration as Code), used wherever a
 * step leaves a value out. {@code imageRepositoryPrefix} gives each pipeline its own repository,
 * {@code PREFIX/PIPELINE-NAME}, so that steps need not name one; {@code baseImage} is the image pipelines are built
 * on (production pins it by digest); {@code insecureRegistry} lets every step push over plain HTTP.
 */
public record DeployDefaults(
        @CheckForNull String namespace,
        @CheckForNull String imageRepositoryPrefix,
        @CheckForNull String baseImage,
        @CheckForNull String registryCredentialsId,
        boolean insecureRegistry,
        @CheckForNull String kubeconfigCredentialsId,
        @CheckForNull String kafkaBootstrapServers,
        @CheckForNull String kafkaCredentialsId,
        @CheckForNull String kafkaSaslMechanism,
        @CheckForNull String kafkaSecurityProtocol,
        @CheckForNull String timeout,
        NetworkSettings network) {

    public static final DeployDefaults NONE = new DeployDefaults(null, null, null, null, false, null, null, null, null, null, null, NetworkSettings.NONE);

    public DeployDefaults {
        namespace = Strings.trimToNull(namespace);
        imageRepositoryPrefix = Strings.trimToNull(imageRepositoryPrefix);
        if (imageRepositoryPrefix != null && imageRepositoryPrefix.endsWith("/")) {
            imageRepositoryPrefix = imageRepositoryPrefix.substring(0, imageRepositoryPrefix.length() - 1);
        }
        baseImage = Strings.trimToNull(baseImage);
        registryCredentialsId = Strings.trimToNull(registryCredentialsId);
        kubeconfigCredentialsId = Strings.trimToNull(kubeconfigCredentialsId);
        kafkaBootstrapServers = Strings.trimToNull(kafkaBootstrapServers);
        kafkaCredentialsId = Strings.trimToNull(kafkaCredentialsId);
        kafkaSaslMechanism = Strings.trimToNull(kafkaSaslMechanism);
        kafkaSecurityProtocol = Strings.trimToNull(kafkaSecurityProtocol);
        timeout = Strings.trimToNull(timeout);
        network = network == null ? NetworkSettings.NONE : network;
    }
}
