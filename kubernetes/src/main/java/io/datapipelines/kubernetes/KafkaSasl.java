package io.datapipelines.kubernetes;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How pods log in to Kafka with the deployment's own credentials Secret ({@link KafkaCredentialsSecret}): the
 * mechanism and the security protocol, which are not secret and go into the manifest as plain variables, and
 * the Secret's generation, which goes on the pod template so that new credentials restart the pods.
 *
 * @param generation the credentials Secret's generation, or null when it is not known (a dry run never reads
 *                   the cluster): then the pod template carries no generation
 */
public record KafkaSasl(SaslMechanism mechanism, String securityProtocol, Integer generation) {
    /** Username and password need SASL; TLS unless the brokers are reached on a trusted network. */
    public static final Set<String> SECURITY_PROTOCOLS = Set.of("SASL_SSL", "SASL_PLAINTEXT");
    public static final String DEFAULT_SECURITY_PROTOCOL = "SASL_SSL";
    /** The client properties these settings give the pods. */
    public static final Set<String> PROPERTIES = Set.of("security.protocol", "sasl.mechanism", "sasl.jaas.config");

    public KafkaSasl {
        Objects.requireNonNull(mechanism, "mechanism");
        String protocol = securityProtocol == null ? "" : securityProtocol.strip().toUpperCase(Locale.ROOT);
        if (!SECURITY_PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("Kafka security protocol '" + securityProtocol + "' cannot carry a username and password: "
                    + "use SASL_SSL or SASL_PLAINTEXT");
        }
        securityProtocol = protocol;
        if (generation != null && generation < 1) {
            throw new IllegalArgumentException("a credentials generation counts from 1, not " + generation);
        }
    }

    public KafkaSasl(SaslMechanism mechanism, String securityProtocol) {
        this(mechanism, securityProtocol, null);
    }

    public KafkaSasl withGeneration(int number) {
        return new KafkaSasl(mechanism, securityProtocol, number);
    }

    /** The same settings without a generation: what two applies must agree on. */
    public KafkaSasl withoutGeneration() {
        return new KafkaSasl(mechanism, securityProtocol, null);
    }
}
