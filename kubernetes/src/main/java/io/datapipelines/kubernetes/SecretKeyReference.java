package io.datapipelines.kubernetes;

/**
 * A Kafka client property whose value comes from a key of a Kubernetes Secret, so that it never appears
 * in a manifest, the revision history or a log ({@code sasl.jaas.config} from secret {@code kafka-auth},
 * key {@code jaas}).
 */
public record SecretKeyReference(String property, String secret, String key) {
    public SecretKeyReference {
        KafkaAccess.requirePropertyName(property);
        KubernetesNames.requireDnsSubdomain(secret, "secret name");
        if (key == null || !key.matches("[-._a-zA-Z0-9]+") || key.length() > 253) {
            throw new IllegalArgumentException("secret key '" + key + "' is not valid: use letters, digits, '-', '_' and '.'");
        }
    }

    /**
     * Parses {@code PROPERTY=SECRET/KEY}, as the command line takes it.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SecretKeyReference parse(String text) {
        int eq = text.indexOf('=');
        int slash = text.indexOf('/', Math.max(eq, 0));
        if (eq <= 0 || slash < 0 || slash == eq + 1 || slash == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not PROPERTY=SECRET/KEY (such as sasl.jaas.config=kafka-auth/jaas)");
        }
        return new SecretKeyReference(text.substring(0, eq).strip(), text.substring(eq + 1, slash).strip(), text.substring(slash + 1).strip());
    }

    public String environmentVariable() {
        return KafkaAccess.environmentVariable(property);
    }
}
