package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * The defaults an administrator set in Manage Jenkins &gt; System (or Configuration as Code), used wherever a
 * step leaves a value out. {@code imageRepositoryPrefix} gives each pipeline its own repository,
 * {@code PREFIX/PIPELINE-NAME}, so that steps need not name one.
 */
public record DeployDefaults(
        @CheckForNull String namespace,
        @CheckForNull String imageRepositoryPrefix,
        @CheckForNull String registryCredentialsId,
        @CheckForNull String kubeconfigCredentialsId,
        @CheckForNull String kafkaBootstrapServers,
        @CheckForNull String kafkaCredentialsId,
        @CheckForNull String timeout) {

    public static final DeployDefaults NONE = new DeployDefaults(null, null, null, null, null, null, null);

    public DeployDefaults {
        namespace = Strings.trimToNull(namespace);
        imageRepositoryPrefix = Strings.trimToNull(imageRepositoryPrefix);
        if (imageRepositoryPrefix != null && imageRepositoryPrefix.endsWith("/")) {
            imageRepositoryPrefix = imageRepositoryPrefix.substring(0, imageRepositoryPrefix.length() - 1);
        }
        registryCredentialsId = Strings.trimToNull(registryCredentialsId);
        kubeconfigCredentialsId = Strings.trimToNull(kubeconfigCredentialsId);
        kafkaBootstrapServers = Strings.trimToNull(kafkaBootstrapServers);
        kafkaCredentialsId = Strings.trimToNull(kafkaCredentialsId);
        timeout = Strings.trimToNull(timeout);
    }
}
