package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of each {@code datapipelines} command the step runs, following the CLI's options (docs/cli.md,
 * docs/images.md, docs/deployment.md): every command is asked for {@code --output json}, so the step reads one JSON
 * object on stdout while progress goes to stderr, into the build log. Secrets are never arguments: they travel in
 * the environment ({@link CliEnvironment}), and the arguments only name the variables that hold them; or in a
 * container in owner-only files ({@link LoginFiles}) that the environment names, with no login argument at all
 * ({@link LoginArguments}).
 *
 * <p>The definition, a path users choose, comes last, after {@code --} (picocli's end of options): a file named
 * {@code -x.yaml} or {@code --help} is a file, never an option.
 */
public final class CliCommands {
    /** After it, every argument is a positional parameter (picocli's default end-of-options delimiter). */
    static final String END_OF_OPTIONS = "--";

    private CliCommands() {
    }

    private static List<String> withDefinition(List<String> args, String definition) {
        args.add(END_OF_OPTIONS);
        args.add(definition);
        return List.copyOf(args);
    }

    /** Validates and prints the pipeline name, revision hash and canonical definition. */
    public static List<String> validate(String definition) {
        return List.of("validate", "--output", "json", END_OF_OPTIONS, definition);
    }

    /**
     * Runs the definition's tests, builds the image and pushes it by digest. The base image is the setting's, else
     * the CLI's own default ({@code DATAPIPELINES_BASE_IMAGE} in the agent's environment); the registry login is the
     * registry credential's, when there is one, else the agent's Docker configuration.
     */
    public static List<String> build(DeploySettings settings, String imageRepository) {
        return build(settings, imageRepository, LoginArguments.ENVIRONMENT);
    }

    /** Runs the definition's tests (on their own, before a {@code build --skip-tests}: see {@link LoginArguments}). */
    public static List<String> test(String definition) {
        return List.of("test", END_OF_OPTIONS, definition);
    }

    /**
     * What the cluster runs for a deployment: its live revision, image and rollout state (exit 0 available, 1 anything
     * else). The pipeline's name comes last, after {@code --}.
     */
    public static List<String> status(String pipeline, String deployment, String namespace, @CheckForNull String kubeconfig) {
        List<String> args = new ArrayList<>(List.of("status", "--deployment", deployment, "--namespace", namespace));
        if (kubeconfig != null) {
            args.add("--kubeconfig");
            args.add(kubeconfig);
        }
        args.add("--output");
        args.add("json");
        return withDefinition(args, pipeline);
    }

    /** As above, with the registry login as {@code logins} say. */
    public static List<String> build(DeploySettings settings, String imageRepository, LoginArguments logins) {
        List<String> args = new ArrayList<>(List.of("build", "--image", imageRepository));
        if (settings.baseImage() != null) {
            args.add("--base-image");
            args.add(settings.baseImage());
        }
        if (settings.insecureRegistry()) {
            args.add("--insecure");
        }
        if (settings.registryCredentialsId() != null) {
            args.addAll(logins.registry());
        }
        if (logins.testsSeparately()) {
            args.add("--skip-tests");
        }
        args.add("--output");
        args.add("json");
        return withDefinition(args, settings.definition());
    }

    /**
     * Applies the deployment of an image, by digest.
     *
     * @param definition the definition file to deploy (the settings' own, or a recorded definition for a rollback)
     * @param kubeconfig a file on the agent, or null for the CLI's own choice (the pod's service account when the
     *                   agent runs in the cluster, else the agent's KUBECONFIG or ~/.kube/config)
     * @param cause      why, for the deployment's revision history; null for none
     * @param buildUrl   the build's URL, for the revision history; null when Jenkins has no URL configured
     */
    public static List<String> deploy(DeploySettings settings, String definition, ImageReference image, String deployment,
                                      @CheckForNull String kubeconfig, @CheckForNull String cause, @CheckForNull String buildUrl) {
        return deploy(settings, definition, image, deployment, kubeconfig, cause, buildUrl, LoginArguments.ENVIRONMENT);
    }

    /** As above, with the Kafka login as {@code logins} say. */
    public static List<String> deploy(DeploySettings settings, String definition, ImageReference image, String deployment,
                                      @CheckForNull String kubeconfig, @CheckForNull String cause, @CheckForNull String buildUrl,
                                      LoginArguments logins) {
        List<String> args = new ArrayList<>(List.of("deploy", "--image", image.toString(),
                "--deployment", deployment, "--namespace", settings.namespace()));
        if (kubeconfig != null) {
            args.add("--kubeconfig");
            args.add(kubeconfig);
        }
        if (settings.kafkaBootstrapServers() != null) {
            args.add("--bootstrap-servers");
            args.add(settings.kafkaBootstrapServers());
        }
        if (settings.kafkaCredentialsId() != null) {
            args.addAll(logins.kafka());
            args.addAll(List.of("--kafka-sasl-mechanism", settings.kafkaSaslMechanism(), "--kafka-security-protocol", settings.kafkaSecurityProtocol()));
        }
        args.addAll(settings.network().deployArguments());
        args.addAll(settings.shadow().deployArguments());
        if (settings.waitForRollout()) {
            args.add("--wait");
            args.add("--timeout");
            args.add(settings.timeout());
        }
        if (settings.dryRun()) {
            args.add("--dry-run");
        }
        if (cause != null) {
            args.add("--cause");
            args.add(cause);
        }
        if (buildUrl != null) {
            args.add("--build-url");
            args.add(buildUrl);
        }
        args.add("--output");
        args.add("json");
        return withDefinition(args, definition);
    }
}
