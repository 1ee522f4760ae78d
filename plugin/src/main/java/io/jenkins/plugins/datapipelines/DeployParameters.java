package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.Serializable;

/**
 * What one {@code dataPipelineDeploy} call asked for, before global defaults are applied. A null string means
 * "not given here": the global configuration, then a built-in default, decides.
 */
public record DeployParameters(
        String definition,
        @CheckForNull String deployment,
        @CheckForNull String namespace,
        @CheckForNull String image,
        @CheckForNull String registryCredentialsId,
        @CheckForNull String kubeconfigCredentialsId,
        @CheckForNull String kafkaBootstrapServers,
        @CheckForNull String kafkaCredentialsId,
        boolean waitForRollout,
        @CheckForNull String timeout,
        boolean dryRun) implements Serializable {

    public static final String DEFAULT_DEFINITION = "datapipeline.yaml";

    public DeployParameters {
        definition = Strings.firstNonNull(Strings.trimToNull(definition), null, DEFAULT_DEFINITION);
        deployment = Strings.trimToNull(deployment);
        namespace = Strings.trimToNull(namespace);
        image = Strings.trimToNull(image);
        registryCredentialsId = Strings.trimToNull(registryCredentialsId);
        kubeconfigCredentialsId = Strings.trimToNull(kubeconfigCredentialsId);
        kafkaBootstrapServers = Strings.trimToNull(kafkaBootstrapServers);
        kafkaCredentialsId = Strings.trimToNull(kafkaCredentialsId);
        timeout = Strings.trimToNull(timeout);
    }
}
