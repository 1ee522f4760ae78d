package io.datapipelines.kubernetes;

import java.util.Objects;

/**
 * A Kafka username and password for a pipeline's pods. Only ever written into the deployment's own Secret
 * ({@link KafkaCredentialsSecret}); manifests, the revision history and output only name that Secret.
 * {@link #toString()} shows no password.
 */
public final class KafkaCredentials {
    private final String username;
    private final String password;
    private final KafkaSasl sasl;

    /** @throws IllegalArgumentException for an empty username or password, or one with control characters */
    public KafkaCredentials(String username, String password, KafkaSasl sasl) {
        this.username = requireText(username, "Kafka username");
        this.password = requireText(password, "Kafka password");
        this.sasl = Objects.requireNonNull(sasl, "sasl").withoutGeneration();
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        // A line break or the like cannot be written into a JAAS line (and is never part of a real credential).
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the " + what + " contains a control character (a line break?)");
        }
        return value;
    }

    public String username() {
        return username;
    }

    public KafkaSasl sasl() {
        return sasl;
    }

    /**
     * The client's {@code sasl.jaas.config}: the mechanism's login module with the username and password, quoted
     * as Kafka's JAAS parser reads quoted values (a backslash escapes the next character).
     */
    public String jaasConfig() {
        return sasl.mechanism().loginModule() + " required username=\"" + quote(username) + "\" password=\"" + quote(password) + "\";";
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "Kafka credentials of " + username + " (" + sasl.mechanism() + " over " + sasl.securityProtocol() + ")";
    }
}
