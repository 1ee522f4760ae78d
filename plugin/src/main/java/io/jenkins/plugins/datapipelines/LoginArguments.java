package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.util.ArrayList;
import java.util.List;

/**
 * How the logins appear on a CLI command line. On an agent they name environment variables ({@link #ENVIRONMENT}); in a
 * container ({@code docker.inside} puts every environment variable on its {@code docker exec} command line) they name
 * owner-only files under {@code WORKSPACE@tmp}, and the definition's tests run as a command of their own before
 * {@code build}, while no such file exists ({@link #files}). Never a password on a command line.
 */
public final class LoginArguments {
    /** The logins in the CLI's environment, named by variable ({@link CliEnvironment}). */
    public static final LoginArguments ENVIRONMENT = new LoginArguments(
            List.of("--registry-username-env", CliEnvironment.REGISTRY_USERNAME, "--registry-password-env", CliEnvironment.REGISTRY_PASSWORD),
            List.of("--kafka-username-env", CliEnvironment.KAFKA_USERNAME, "--kafka-password-env", CliEnvironment.KAFKA_PASSWORD), false);

    private final List<String> registry;
    private final List<String> kafka;
    private final boolean testsSeparately;

    private LoginArguments(List<String> registry, List<String> kafka, boolean testsSeparately) {
        this.registry = List.copyOf(registry);
        this.kafka = List.copyOf(kafka);
        this.testsSeparately = testsSeparately;
    }

    /**
     * Logins in files: each password in a file of its own, the usernames as arguments.
     *
     * @param registryPasswordFile null when this command has no registry login
     * @param kafkaPasswordFile    null when this command has no Kafka login
     */
    public static LoginArguments files(@CheckForNull String registryUsername, @CheckForNull String registryPasswordFile,
                                       @CheckForNull String kafkaUsername, @CheckForNull String kafkaPasswordFile) {
        List<String> registry = new ArrayList<>();
        if (registryPasswordFile != null) {
            registry.addAll(List.of("--registry-username", registryUsername, "--registry-password-file", registryPasswordFile));
        }
        List<String> kafka = new ArrayList<>();
        if (kafkaPasswordFile != null) {
            kafka.addAll(List.of("--kafka-username", kafkaUsername, "--kafka-password-file", kafkaPasswordFile));
        }
        return new LoginArguments(registry, kafka, true);
    }

    /** What {@code build} gets for its registry login. */
    public List<String> registry() {
        return registry;
    }

    /** What {@code deploy} gets for the pods' Kafka login. */
    public List<String> kafka() {
        return kafka;
    }

    /**
     * Whether the definition's tests run as {@code datapipelines test} before {@code build}, which then skips them:
     * when the login is a file, which a test in {@code build}'s own process could read.
     */
    public boolean testsSeparately() {
        return testsSeparately;
    }
}
