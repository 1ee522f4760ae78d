package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.util.Map;

/**
 * A step's parameters merged with the global defaults: the complete description of one deployment, except the
 * names that come from the definition itself (the pipeline name gives the default deployment name and, with a
 * repository prefix, the image repository).
 *
 * <p>Precedence for every value: the step, then the global configuration, then the built-in default
 * ({@code default} namespace, {@code 5m} timeout, SASL {@code PLAIN} over {@code SASL_SSL}). The image repository and
 * the deployment name have no built-in default other than the ones derived from the pipeline name. The NetworkPolicy's
 * peers ({@link NetworkSettings}) have none here: each unset one is left to the CLI's default. Plain HTTP to
 * the registry is allowed when the step or the global configuration allows it. The shadow ({@link ShadowSettings}) is
 * the step's own, without global defaults: its unset thresholds are the definition's {@code spec.deployment.shadow}.
 */
public record DeploySettings(
        String definition,
        @CheckForNull String deployment,
        String namespace,
        @CheckForNull String image,
        @CheckForNull String imageRepositoryPrefix,
        @CheckForNull String baseImage,
        @CheckForNull String registryCredentialsId,
        boolean insecureRegistry,
        @CheckForNull String kubeconfigCredentialsId,
        @CheckForNull String kafkaBootstrapServers,
        @CheckForNull String kafkaCredentialsId,
        String kafkaSaslMechanism,
        String kafkaSecurityProtocol,
        boolean waitForRollout,
        String timeout,
        boolean dryRun,
        NetworkSettings network,
        ShadowSettings shadow) {

    public static final String DEFAULT_NAMESPACE = "default";
    public static final String DEFAULT_TIMEOUT = "5m";
    public static final String DEFAULT_SASL_MECHANISM = "PLAIN";
    public static final String DEFAULT_SECURITY_PROTOCOL = "SASL_SSL";
    /** The CLI's own fallbacks (docs/cli.md), read from the agent's environment when a setting is missing. */
    public static final String BASE_IMAGE_VARIABLE = "DATAPIPELINES_BASE_IMAGE";
    public static final String BOOTSTRAP_SERVERS_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";

    /**
     * Merges, then checks the syntax of every value, so that a typo fails before the CLI starts. The one place where
     * defaults meet a step's values: of the global ones ({@code defaults.values()}), only those a default can have are
     * read.
     */
    public static DeploySettings resolve(DeployParameters step, DeployDefaults defaults) throws DeploymentFailure {
        DeployParameters global = defaults.values();
        DeploySettings settings = new DeploySettings(
                step.definition(),
                step.deployment(),
                Strings.firstNonNull(step.namespace(), global.namespace(), DEFAULT_NAMESPACE),
                step.image(),
                defaults.imageRepositoryPrefix(),
                Strings.firstNonNull(step.baseImage(), global.baseImage(), null),
                Strings.firstNonNull(step.registryCredentialsId(), global.registryCredentialsId(), null),
                step.insecureRegistry() || global.insecureRegistry(),
                Strings.firstNonNull(step.kubeconfigCredentialsId(), global.kubeconfigCredentialsId(), null),
                Strings.firstNonNull(step.kafkaBootstrapServers(), global.kafkaBootstrapServers(), null),
                Strings.firstNonNull(step.kafkaCredentialsId(), global.kafkaCredentialsId(), null),
                Strings.firstNonNull(step.kafkaSaslMechanism(), global.kafkaSaslMechanism(), DEFAULT_SASL_MECHANISM),
                Strings.firstNonNull(step.kafkaSecurityProtocol(), global.kafkaSecurityProtocol(), DEFAULT_SECURITY_PROTOCOL),
                step.waitForRollout(),
                Strings.firstNonNull(step.timeout(), global.timeout(), DEFAULT_TIMEOUT),
                step.dryRun(),
                step.network().orElse(global.network()),
                step.shadow());
        settings.check();
        return settings;
    }

    /** The same deployment without a shadow: a rollback restores a recorded revision at once. */
    public DeploySettings withoutShadow() {
        return new DeploySettings(definition, deployment, namespace, image, imageRepositoryPrefix, baseImage, registryCredentialsId,
                insecureRegistry, kubeconfigCredentialsId, kafkaBootstrapServers, kafkaCredentialsId, kafkaSaslMechanism,
                kafkaSecurityProtocol, waitForRollout, timeout, dryRun, network, ShadowSettings.NONE);
    }

    private void check() throws DeploymentFailure {
        String shadowProblem = shadow.firstProblem();
        if (shadowProblem != null) {
            throw new DeploymentFailure(shadowProblem);
        }
        if (!Names.isWorkspacePath(definition)) {
            throw new DeploymentFailure("definition '" + definition + "' must be a path inside the workspace (relative, without '..')");
        }
        if (deployment != null && !Names.isDnsLabel(deployment)) {
            throw new DeploymentFailure("deployment '" + deployment + "' is not a valid name: lower-case letters, digits and '-', "
                    + "starting and ending with a letter or digit, at most 63 characters");
        }
        if (!Names.isDnsLabel(namespace)) {
            throw new DeploymentFailure("namespace '" + namespace + "' is not a valid Kubernetes namespace: lower-case letters, digits "
                    + "and '-', at most 63 characters");
        }
        if (image != null && !Names.isImageRepository(image)) {
            throw new DeploymentFailure("image '" + image + "' is not an image repository such as registry.example.com/team/orders "
                    + "(no tag and no digest: the build pushes by digest)");
        }
        if (image == null && imageRepositoryPrefix != null && !Names.isImageRepository(imageRepositoryPrefix)) {
            throw new DeploymentFailure("the image repository prefix '" + imageRepositoryPrefix + "' in Manage Jenkins > System "
                    + "is not a repository such as registry.example.com/pipelines");
        }
        if (baseImage != null && !Names.isBaseImage(baseImage)) {
            throw new DeploymentFailure("base image '" + baseImage + "' is not an image reference such as "
                    + "registry.example.com/java/jre@sha256:... or docker-archive:PATH");
        }
        if (kafkaBootstrapServers != null && !Names.isBootstrapServers(kafkaBootstrapServers)) {
            throw new DeploymentFailure("kafkaBootstrapServers '" + kafkaBootstrapServers + "' must be host:port[,host:port...]");
        }
        if (!Names.SASL_MECHANISMS.contains(kafkaSaslMechanism)) {
            throw new DeploymentFailure("kafkaSaslMechanism '" + kafkaSaslMechanism + "' must be one of " + String.join(", ", Names.SASL_MECHANISMS));
        }
        if (!Names.KAFKA_SECURITY_PROTOCOLS.contains(kafkaSecurityProtocol)) {
            throw new DeploymentFailure("kafkaSecurityProtocol '" + kafkaSecurityProtocol + "' must be one of "
                    + String.join(", ", Names.KAFKA_SECURITY_PROTOCOLS) + " (a username and password need SASL)");
        }
        if (!Names.isDuration(timeout)) {
            throw new DeploymentFailure("timeout '" + timeout + "' must be a duration such as 90s, 5m or 1h30m");
        }
        network.check();
    }

    /**
     * Settings the CLI could also take from the agent's environment: missing from both, they would fail a command
     * minutes in with a message about flags; here the message names the Jenkins settings.
     */
    public void checkAgainst(Map<String, String> buildEnvironment) throws DeploymentFailure {
        if (baseImage == null && Strings.trimToNull(buildEnvironment.get(BASE_IMAGE_VARIABLE)) == null) {
            throw new DeploymentFailure("no base image to build on: set 'baseImage' in the step, a default base image in Manage Jenkins > "
                    + "System > Data Pipelines, or " + BASE_IMAGE_VARIABLE + " in the agent's environment");
        }
        if (kafkaBootstrapServers == null && Strings.trimToNull(buildEnvironment.get(BOOTSTRAP_SERVERS_VARIABLE)) == null) {
            throw new DeploymentFailure("no Kafka bootstrap servers for the pipeline: set 'kafkaBootstrapServers' in the step, in Manage "
                    + "Jenkins > System > Data Pipelines, or " + BOOTSTRAP_SERVERS_VARIABLE + " in the agent's environment");
        }
    }

    /** The image repository for a pipeline: the step's, else the global prefix plus the pipeline name. */
    public String imageRepositoryFor(String pipeline) throws DeploymentFailure {
        if (image != null) {
            return image;
        }
        if (imageRepositoryPrefix == null) {
            throw new DeploymentFailure("no image repository for pipeline '" + pipeline + "': set 'image' in the step, or an image "
                    + "repository prefix in Manage Jenkins > System > Data Pipelines");
        }
        return imageRepositoryPrefix + "/" + pipeline;
    }

    /** The deployment name: the step's, else the pipeline name (one deployment per pipeline is the common case). */
    public String deploymentFor(String pipeline) throws DeploymentFailure {
        String name = deployment != null ? deployment : pipeline;
        if (!Names.isDnsLabel(name)) {
            throw new DeploymentFailure("pipeline name '" + pipeline + "' cannot be used as a deployment name; set 'deployment' in the step");
        }
        return name;
    }
}
