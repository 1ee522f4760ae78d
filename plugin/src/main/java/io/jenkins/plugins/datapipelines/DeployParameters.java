package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.Serializable;
import java.util.Objects;

/**
 * What one {@code dataPipelineDeploy} call asked for, before global defaults are applied. A null string means
 * "not given here": the global configuration, then a built-in default, decides.
 *
 * <p>A plain serializable class, not a record: the step's execution keeps it, and Pipeline persists executions with
 * JBoss Marshalling, which does not construct records.
 */
public final class DeployParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_DEFINITION = "datapipeline.yaml";

    private final String definition;
    private final String deployment;
    private final String namespace;
    private final String image;
    private final String registryCredentialsId;
    private final String kubeconfigCredentialsId;
    private final String kafkaBootstrapServers;
    private final String kafkaCredentialsId;
    private final boolean waitForRollout;
    private final String timeout;
    private final boolean dryRun;

    public DeployParameters(@CheckForNull String definition, @CheckForNull String deployment, @CheckForNull String namespace,
                            @CheckForNull String image, @CheckForNull String registryCredentialsId,
                            @CheckForNull String kubeconfigCredentialsId, @CheckForNull String kafkaBootstrapServers,
                            @CheckForNull String kafkaCredentialsId, boolean waitForRollout, @CheckForNull String timeout, boolean dryRun) {
        this.definition = Strings.firstNonNull(Strings.trimToNull(definition), null, DEFAULT_DEFINITION);
        this.deployment = Strings.trimToNull(deployment);
        this.namespace = Strings.trimToNull(namespace);
        this.image = Strings.trimToNull(image);
        this.registryCredentialsId = Strings.trimToNull(registryCredentialsId);
        this.kubeconfigCredentialsId = Strings.trimToNull(kubeconfigCredentialsId);
        this.kafkaBootstrapServers = Strings.trimToNull(kafkaBootstrapServers);
        this.kafkaCredentialsId = Strings.trimToNull(kafkaCredentialsId);
        this.waitForRollout = waitForRollout;
        this.timeout = Strings.trimToNull(timeout);
        this.dryRun = dryRun;
    }

    public String definition() {
        return definition;
    }

    public @CheckForNull String deployment() {
        return deployment;
    }

    public @CheckForNull String namespace() {
        return namespace;
    }

    public @CheckForNull String image() {
        return image;
    }

    public @CheckForNull String registryCredentialsId() {
        return registryCredentialsId;
    }

    public @CheckForNull String kubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    public @CheckForNull String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public @CheckForNull String kafkaCredentialsId() {
        return kafkaCredentialsId;
    }

    public boolean waitForRollout() {
        return waitForRollout;
    }

    public @CheckForNull String timeout() {
        return timeout;
    }

    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeployParameters p && waitForRollout == p.waitForRollout && dryRun == p.dryRun
                && definition.equals(p.definition) && Objects.equals(deployment, p.deployment) && Objects.equals(namespace, p.namespace)
                && Objects.equals(image, p.image) && Objects.equals(registryCredentialsId, p.registryCredentialsId)
                && Objects.equals(kubeconfigCredentialsId, p.kubeconfigCredentialsId)
                && Objects.equals(kafkaBootstrapServers, p.kafkaBootstrapServers) && Objects.equals(kafkaCredentialsId, p.kafkaCredentialsId)
                && Objects.equals(timeout, p.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(definition, deployment, namespace, image, registryCredentialsId, kubeconfigCredentialsId, kafkaBootstrapServers,
                kafkaCredentialsId, waitForRollout, timeout, dryRun);
    }
}
