package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.util.ArrayList;
import java.util.List;

/**
 * How the logins appear on a CLI command line. On an agent they name environment variables ({@link #ENVIRONMENT}); in a
 * container ({@code docker.inside} puts every environment variable on its {@code docker exec} command line) they name
 * owner-only files under {@code WORKSPACE@tmp}, one for the username and one for the password, and the definition's
 * tests run as a command of their own before {@code build}, while no such file exists ({@link #files}). Never a
 * password, nor a username, on a command line: only the names of the variables or files that hold them.
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
     * Logins in files: the username and the password each in a file of its own ({@link LoginFiles}).
     *
     * @param registryUsernameFile null when this command has no registry login
     * @param kafkaUsernameFile    null when this command has no Kafka login
     */
    public static LoginArguments files(@CheckForNull String registryUsernameFile, @CheckForNull String registryPasswordFile,
                                       @CheckForNull String kafkaUsernameFile, @CheckForNull String kafkaPasswordFile) {
        List<String> registry = new ArrayList<>();
        if (registryUsernameFile != null) {
            registry.addAll(List.of("--registry-username-file", registryUsernameFile, "--registry-password-file", registryPasswordFile));
        }
        List<String> kafka = new ArrayList<>();
        if (kafkaUsernameFile != null) {
            kafka.addAll(List.of("--kafka-username-file", kafkaUsernameFile, "--kafka-password-file", kafkaPasswordFile));
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
