package io.datapipelines.kubernetes;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SASL mechanisms a pipeline can log in to Kafka with by username and password, each with the login module
 * Kafka's clients use for it ({@code sasl.jaas.config}).
 */
public enum SaslMechanism {
    PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"),
    SCRAM_SHA_256("SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule"),
    SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

    private final String kafkaName;
    private final String loginModule;

    SaslMechanism(String kafkaName, String loginModule) {
        this.kafkaName = kafkaName;
        this.loginModule = loginModule;
    }

    /** As Kafka spells it in {@code sasl.mechanism}: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512. */
    public String kafkaName() {
        return kafkaName;
    }

    public String loginModule() {
        return loginModule;
    }

    /** @throws IllegalArgumentException naming the mechanisms there are */
    public static SaslMechanism parse(String text) {
        String wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('_', '-');
        for (SaslMechanism mechanism : values()) {
            if (mechanism.kafkaName.equals(wanted)) {
                return mechanism;
            }
        }
        throw new IllegalArgumentException("SASL mechanism '" + text + "' is not one of " + names());
    }

    static String names() {
        return Arrays.stream(values()).map(SaslMechanism::kafkaName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return kafkaName;
    }
}
