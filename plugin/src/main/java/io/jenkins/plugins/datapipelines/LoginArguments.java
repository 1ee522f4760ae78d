package io.jenkins.plugins.datapipelines;

import java.util.List;

/**
 * How the logins appear on a CLI command line. On an agent they name environment variables ({@link #ENVIRONMENT}); in a
 * container ({@code docker.inside} puts every environment variable on its {@code docker exec} command line) they are
 * not on it at all: the username and the password are in owner-only files under {@code WORKSPACE@tmp}, which the
 * {@code DATAPIPELINES_*_FILE} variables name, and the definition's tests run as a command of their own before
 * {@code build}, while no such file exists ({@link #FILES}). Never a password, nor a username, on a command line.
 */
public final class LoginArguments {
    /** The logins in the CLI's environment, named by variable ({@link CliEnvironment}). */
    public static final LoginArguments ENVIRONMENT = new LoginArguments(
            List.of("--registry-username-env", CliEnvironment.REGISTRY_USERNAME, "--registry-password-env", CliEnvironment.REGISTRY_PASSWORD),
            List.of("--kafka-username-env", CliEnvironment.KAFKA_USERNAME, "--kafka-password-env", CliEnvironment.KAFKA_PASSWORD), false);

    /**
     * Logins in files ({@link LoginFiles}): no argument at all, the CLI finding the files through the
     * {@code DATAPIPELINES_*_FILE} variables of the command's environment; the tests run on their own first.
     */
    public static final LoginArguments FILES = new LoginArguments(List.of(), List.of(), true);

    private final List<String> registry;
    private final List<String> kafka;
    private final boolean testsSeparately;

    private LoginArguments(List<String> registry, List<String> kafka, boolean testsSeparately) {
        this.registry = List.copyOf(registry);
        this.kafka = List.copyOf(kafka);
        this.testsSeparately = testsSeparately;
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
