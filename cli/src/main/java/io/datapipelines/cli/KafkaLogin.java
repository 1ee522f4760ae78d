package io.datapipelines.cli;

import io.datapipelines.kubernetes.KafkaCredentials;
import io.datapipelines.kubernetes.KafkaSasl;
import io.datapipelines.kubernetes.SaslMechanism;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Kafka login options of {@code deploy}: a username and password that {@code deploy} writes into the
 * deployment's own Secret for the pods (docs/deployment.md). As with {@code build}'s registry login, the password is
 * never a flag itself (it would show in process lists and CI logs): flags name the environment variable or file
 * that holds it.
 */
final class KafkaLogin {
    @Option(names = "--kafka-username", paramLabel = "USER", description = "The pods' Kafka username (SASL).")
    String username;

    @Option(names = "--kafka-username-env", paramLabel = "VAR", description = "An environment variable holding the Kafka username.")
    String usernameEnv;

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

    /**
     * The credentials these options name, or null when none are asked for.
     *
     * @throws IllegalArgumentException naming what is missing or contradictory (never the password)
     */
    KafkaCredentials credentials(Map<String, String> environment) {
        boolean user = username != null || usernameEnv != null;
        boolean password = passwordEnv != null || passwordFile != null;
        if (!user && !password) {
            if (mechanism != null || securityProtocol != null) {
                throw new IllegalArgumentException("--kafka-sasl-mechanism and --kafka-security-protocol go with a Kafka login: "
                        + "--kafka-username[-env] and --kafka-password-env or --kafka-password-file");
            }
            return null;
        }
        if (username != null && usernameEnv != null) {
            throw new IllegalArgumentException("give --kafka-username or --kafka-username-env, not both");
        }
        if (passwordEnv != null && passwordFile != null) {
            throw new IllegalArgumentException("give --kafka-password-env or --kafka-password-file, not both");
        }
        if (!user) {
            throw new IllegalArgumentException("a Kafka password needs a username: --kafka-username or --kafka-username-env");
        }
        if (!password) {
            throw new IllegalArgumentException("a Kafka username needs a password: --kafka-password-env or --kafka-password-file");
        }
        String name = usernameEnv != null ? fromEnvironment(environment, usernameEnv, "--kafka-username-env") : username;
        String secret = passwordEnv != null ? fromEnvironment(environment, passwordEnv, "--kafka-password-env")
                : fromFile(passwordFile, "--kafka-password-file");
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

    private static String fromFile(Path file, String option) {
        try {
            // One trailing line break is how files end; anything else belongs to the password.
            String value = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\r?\n$", "");
            if (value.isEmpty()) {
                throw new IllegalArgumentException(option + " " + file + ": the file is empty");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
