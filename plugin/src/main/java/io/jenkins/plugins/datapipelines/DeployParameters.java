package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.Serializable;
import java.util.Objects;

/**
 * What one deployment asked for (a {@code dataPipelineDeploy} call, or a Data Pipeline job's configuration),
 * before global defaults are applied. A null string means "not given here": the global configuration, then a
 * built-in default, decides. Made with {@link #builder()}.
 *
 * <p>A plain serializable class, not a record: the step's execution keeps it, and Pipeline persists executions with
 * JBoss Marshalling, which does not construct records.
 */
public final class DeployParameters implements Serializable {
    private static final long serialVersionUID = 2L;

    public static final String DEFAULT_DEFINITION = "datapipeline.yaml";

    private final String definition;
    private final String deployment;
    private final String namespace;
    private final String image;
    private final String baseImage;
    private final String registryCredentialsId;
    private final boolean insecureRegistry;
    private final String kubeconfigCredentialsId;
    private final String kafkaBootstrapServers;
    private final String kafkaCredentialsId;
    private final String kafkaSaslMechanism;
    private final String kafkaSecurityProtocol;
    private final boolean waitForRollout;
    private final String timeout;
    private final boolean dryRun;
    /** Null in what an older version stored (XStream runs no initialiser): {@link #network()} reads it as unset. */
    private final @CheckForNull NetworkSettings network;
    /** Null in what an older version stored: {@link #shadow()} reads it as no shadow. */
    private final @CheckForNull ShadowSettings shadow;

    private DeployParameters(Builder b) {
        this.definition = Strings.firstNonNull(Strings.trimToNull(b.definition), null, DEFAULT_DEFINITION);
        this.deployment = Strings.trimToNull(b.deployment);
        this.namespace = Strings.trimToNull(b.namespace);
        this.image = Strings.trimToNull(b.image);
        this.baseImage = Strings.trimToNull(b.baseImage);
        this.registryCredentialsId = Strings.trimToNull(b.registryCredentialsId);
        this.insecureRegistry = b.insecureRegistry;
        this.kubeconfigCredentialsId = Strings.trimToNull(b.kubeconfigCredentialsId);
        this.kafkaBootstrapServers = Strings.trimToNull(b.kafkaBootstrapServers);
        this.kafkaCredentialsId = Strings.trimToNull(b.kafkaCredentialsId);
        this.kafkaSaslMechanism = Strings.trimToNull(b.kafkaSaslMechanism);
        this.kafkaSecurityProtocol = Strings.trimToNull(b.kafkaSecurityProtocol);
        this.waitForRollout = b.waitForRollout;
        this.timeout = Strings.trimToNull(b.timeout);
        this.dryRun = b.dryRun;
        this.network = b.network;
        this.shadow = b.shadow;
    }

    /** The effective values of resolved settings, to record with a deployment (ids of credentials, never secrets). */
    public static DeployParameters of(DeploySettings settings) {
        return builder().definition(settings.definition()).deployment(settings.deployment()).namespace(settings.namespace())
                .image(settings.image()).baseImage(settings.baseImage()).registryCredentialsId(settings.registryCredentialsId())
                .insecureRegistry(settings.insecureRegistry()).kubeconfigCredentialsId(settings.kubeconfigCredentialsId())
                .kafkaBootstrapServers(settings.kafkaBootstrapServers()).kafkaCredentialsId(settings.kafkaCredentialsId())
                .kafkaSaslMechanism(settings.kafkaSaslMechanism()).kafkaSecurityProtocol(settings.kafkaSecurityProtocol())
                .waitForRollout(settings.waitForRollout()).timeout(settings.timeout()).dryRun(settings.dryRun())
                .network(settings.network()).shadow(settings.shadow()).build();
    }

    /** Everything unset: the definition {@code datapipeline.yaml}, waiting for the rollout, no dry run. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every value of these parameters: to make the same deployment with a few values changed. */
    public Builder toBuilder() {
        return builder().definition(definition).deployment(deployment).namespace(namespace).image(image).baseImage(baseImage)
                .registryCredentialsId(registryCredentialsId).insecureRegistry(insecureRegistry).kubeconfigCredentialsId(kubeconfigCredentialsId)
                .kafkaBootstrapServers(kafkaBootstrapServers).kafkaCredentialsId(kafkaCredentialsId).kafkaSaslMechanism(kafkaSaslMechanism)
                .kafkaSecurityProtocol(kafkaSecurityProtocol).waitForRollout(waitForRollout).timeout(timeout).dryRun(dryRun)
                .network(network()).shadow(shadow());
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

    public @CheckForNull String baseImage() {
        return baseImage;
    }

    public @CheckForNull String registryCredentialsId() {
        return registryCredentialsId;
    }

    public boolean insecureRegistry() {
        return insecureRegistry;
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

    public @CheckForNull String kafkaSaslMechanism() {
        return kafkaSaslMechanism;
    }

    public @CheckForNull String kafkaSecurityProtocol() {
        return kafkaSecurityProtocol;
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

    /** The NetworkPolicy's peers asked for here; each unset one is the global default's, then the CLI's. */
    public NetworkSettings network() {
        return network == null ? NetworkSettings.NONE : network;
    }

    /** Whether the deployment goes through a shadow first, and the thresholds given for it here. */
    public ShadowSettings shadow() {
        return shadow == null ? ShadowSettings.NONE : shadow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeployParameters p && insecureRegistry == p.insecureRegistry && waitForRollout == p.waitForRollout
                && dryRun == p.dryRun && definition.equals(p.definition) && Objects.equals(deployment, p.deployment)
                && Objects.equals(namespace, p.namespace) && Objects.equals(image, p.image) && Objects.equals(baseImage, p.baseImage)
                && Objects.equals(registryCredentialsId, p.registryCredentialsId)
                && Objects.equals(kubeconfigCredentialsId, p.kubeconfigCredentialsId)
                && Objects.equals(kafkaBootstrapServers, p.kafkaBootstrapServers) && Objects.equals(kafkaCredentialsId, p.kafkaCredentialsId)
                && Objects.equals(kafkaSaslMechanism, p.kafkaSaslMechanism) && Objects.equals(kafkaSecurityProtocol, p.kafkaSecurityProtocol)
                && Objects.equals(timeout, p.timeout) && network().equals(p.network())
                && shadow().equals(p.shadow());
    }

    @Override
    public int hashCode() {
        return Objects.hash(definition, deployment, namespace, image, baseImage, registryCredentialsId, insecureRegistry,
                kubeconfigCredentialsId, kafkaBootstrapServers, kafkaCredentialsId, kafkaSaslMechanism, kafkaSecurityProtocol,
                waitForRollout, timeout, dryRun, network(), shadow());
    }

    /** Fluent builder; blank strings count as unset. */
    public static final class Builder {
        private String definition;
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
        private boolean waitForRollout = true;
        private String timeout;
        private boolean dryRun;
        private NetworkSettings network = NetworkSettings.NONE;
        private ShadowSettings shadow = ShadowSettings.NONE;

        private Builder() {
        }

        public Builder definition(@CheckForNull String value) {
            definition = value;
            return this;
        }

        public Builder deployment(@CheckForNull String value) {
            deployment = value;
            return this;
        }

        public Builder namespace(@CheckForNull String value) {
            namespace = value;
            return this;
        }

        public Builder image(@CheckForNull String value) {
            image = value;
            return this;
        }

        public Builder baseImage(@CheckForNull String value) {
            baseImage = value;
            return this;
        }

        public Builder registryCredentialsId(@CheckForNull String value) {
            registryCredentialsId = value;
            return this;
        }

        public Builder insecureRegistry(boolean value) {
            insecureRegistry = value;
            return this;
        }

        public Builder kubeconfigCredentialsId(@CheckForNull String value) {
            kubeconfigCredentialsId = value;
            return this;
        }

        public Builder kafkaBootstrapServers(@CheckForNull String value) {
            kafkaBootstrapServers = value;
            return this;
        }

        public Builder kafkaCredentialsId(@CheckForNull String value) {
            kafkaCredentialsId = value;
            return this;
        }

        public Builder kafkaSaslMechanism(@CheckForNull String value) {
            kafkaSaslMechanism = value;
            return this;
        }

        public Builder kafkaSecurityProtocol(@CheckForNull String value) {
            kafkaSecurityProtocol = value;
            return this;
        }

        public Builder waitForRollout(boolean value) {
            waitForRollout = value;
            return this;
        }

        public Builder timeout(@CheckForNull String value) {
            timeout = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        public Builder network(NetworkSettings value) {
            network = java.util.Objects.requireNonNull(value, "network");
            return this;
        }

        public Builder shadow(ShadowSettings value) {
            shadow = java.util.Objects.requireNonNull(value, "shadow");
            return this;
        }

        public DeployParameters build() {
            return new DeployParameters(this);
        }
    }
}
