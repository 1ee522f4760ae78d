package io.datapipelines.cli;

import io.datapipelines.kubernetes.KafkaCredentials;
import io.datapipelines.kubernetes.KafkaSasl;
import io.datapipelines.kubernetes.SaslMechanism;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/**
 * The Kafka login options of {@code deploy}: a username and password that {@code deploy} writes into the
 * deployment's own Secret for the pods (docs/deployment.md). As with {@code build}'s registry login, the password is
 * never a flag itself (it would show in process lists and CI logs): flags name the environment variable or file
 * that holds it. So can they for a username that is a secret too ({@code --kafka-username-env}, {@code --kafka-username-file}).
 * Without a flag for the username or the password, {@code DATAPIPELINES_KAFKA_USERNAME_FILE} and
 * {@code DATAPIPELINES_KAFKA_PASSWORD_FILE} can name their files instead (what the Jenkins plugin sets in a container).
 */
final class KafkaLogin {
    @Option(names = "--kafka-username", paramLabel = "USER", description = "The pods' Kafka username (SASL).")
    String username;

    @Option(names = "--kafka-username-env", paramLabel = "VAR", description = "An environment variable holding the Kafka username.")
    String usernameEnv;

    @Option(names = "--kafka-username-file", paramLabel = "FILE",
            description = "A file holding the Kafka username (for a username that is itself a secret).")
    Path usernameFile;

    @Option(names = "--kafka-password-env", paramLabel = "VAR", description = "An environment variable holding the Kafka password.")
    String passwordEnv;

    @Option(names = "--kafka-password-file", paramLabel = "FILE", description = "A file holding the Kafka password.")
    Path passwordFile;

    @Option(names = "--kafka-sasl-mechanism", paramLabel = "MECHANISM",
            description = "With a Kafka login: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (default: PLAIN).")
    String mechanism;

    @Option(names = "--kafka-security-protocol", paramLabel = "PROTOCOL",
            description = "With a Kafka login: SASL_SSL or SASL_PLAINTEXT (default: SASL_SSL).")
    String securityProtocol;

    /** Names the file of the username when no {@code --kafka-username[-env|-file]} is given (the {@code *_FILE} convention). */
    static final String USERNAME_FILE_VARIABLE = "DATAPIPELINES_KAFKA_USERNAME_FILE";
    /** Names the file of the password when neither {@code --kafka-password-env} nor {@code --kafka-password-file} is given. */
    static final String PASSWORD_FILE_VARIABLE = "DATAPIPELINES_KAFKA_PASSWORD_FILE";

    /**
     * The credentials these options name, or null when none are asked for. For a part that no option gives, the
     * username or the password, a {@code DATAPIPELINES_KAFKA_*_FILE} variable in {@code environment} can name its file:
     * a flag wins over its variable; unset or empty variables are not there.
     *
     * @throws IllegalArgumentException naming what is missing or contradictory (never the password), or the option or
     *                                  variable whose file cannot be used
     */
    KafkaCredentials credentials(Map<String, String> environment) {
        int usernames = (username != null ? 1 : 0) + (usernameEnv != null ? 1 : 0) + (usernameFile != null ? 1 : 0);
        Path usernameFromVariable = usernames == 0 ? SecretFile.namedBy(environment, USERNAME_FILE_VARIABLE) : null;
        Path passwordFromVariable = passwordEnv == null && passwordFile == null ? SecretFile.namedBy(environment, PASSWORD_FILE_VARIABLE) : null;
        boolean user = usernames > 0 || usernameFromVariable != null;
        boolean password = passwordEnv != null || passwordFile != null || passwordFromVariable != null;
        if (!user && !password) {
            if (mechanism != null || securityProtocol != null) {
                throw new IllegalArgumentException("--kafka-sasl-mechanism and --kafka-security-protocol go with a Kafka login: "
                        + "--kafka-username[-env|-file] and --kafka-password-env or --kafka-password-file (or " + USERNAME_FILE_VARIABLE
                        + " and " + PASSWORD_FILE_VARIABLE + ")");
            }
            return null;
        }
        if (usernames > 1) {
            throw new IllegalArgumentException("give one of --kafka-username, --kafka-username-env and --kafka-username-file");
        }
        if (passwordEnv != null && passwordFile != null) {
            throw new IllegalArgumentException("give --kafka-password-env or --kafka-password-file, not both");
        }
        if (!user) {
            throw new IllegalArgumentException("a Kafka password needs a username: --kafka-username, --kafka-username-env or --kafka-username-file "
                    + "(or " + USERNAME_FILE_VARIABLE + ")");
        }
        if (!password) {
            throw new IllegalArgumentException("a Kafka username needs a password: --kafka-password-env or --kafka-password-file (or "
                    + PASSWORD_FILE_VARIABLE + ")");
        }
        String name = usernameEnv != null ? fromEnvironment(environment, usernameEnv, "--kafka-username-env")
                : usernameFile != null ? SecretFile.withoutFinalLineBreak(usernameFile, "--kafka-username-file")
                : usernameFromVariable != null ? SecretFile.withoutFinalLineBreak(usernameFromVariable, USERNAME_FILE_VARIABLE) : username;
        String secret = passwordEnv != null ? fromEnvironment(environment, passwordEnv, "--kafka-password-env")
                : passwordFile != null ? SecretFile.withoutFinalLineBreak(passwordFile, "--kafka-password-file")
                : SecretFile.withoutFinalLineBreak(passwordFromVariable, PASSWORD_FILE_VARIABLE);
        KafkaSasl sasl = new KafkaSasl(mechanism == null ? SaslMechanism.PLAIN : SaslMechanism.parse(mechanism),
                securityProtocol == null ? KafkaSasl.DEFAULT_SECURITY_PROTOCOL : securityProtocol);
        return new KafkaCredentials(name, secret, sasl);
    }

    private static String fromEnvironment(Map<String, String> environment, String name, String option) {
        String value = environment.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(option + " " + name + ": the environment variable is not set");
        }
        return value;
    }
}
