package io.datapipelines.kubernetes;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything about a pipeline deployment that the definition does not say: how to reach Kafka, the
 * network and security settings, and rollout limits.
 * Immutable; made with {@link #builder(KafkaAccess)}.
 */
public final class DeploymentOptions {
    /** How long the runtime takes to stop (its default; docs/runtime.md). */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(25);
    /** Kubernetes waits this much longer than the runtime's shutdown timeout before it kills the pod. */
    static final Duration GRACE_MARGIN = Duration.ofSeconds(10);

    private final KafkaAccess kafka;
    private final KafkaEgress egress;
    private final ClusterDns dns;
    private final MetricsIngress metricsIngress;
    private final ScratchStorage storage;
    private final SecurityOptions security;
    private final String kedaAuthentication;
    private final Duration shutdownTimeout;
    private final Duration progressDeadline;
    private final int revisionHistoryLimit;
    private final KafkaSasl kafkaSasl;

    private DeploymentOptions(Builder b) {
        this.kafka = Objects.requireNonNull(b.kafka, "kafka");
        this.egress = b.egress;
        this.dns = b.dns;
        this.metricsIngress = b.metricsIngress;
        this.storage = b.storage;
        this.security = b.security;
        this.kedaAuthentication = b.kedaAuthentication;
        this.shutdownTimeout = b.shutdownTimeout;
        this.progressDeadline = b.progressDeadline;
        this.revisionHistoryLimit = b.revisionHistoryLimit;
        this.kafkaSasl = b.kafkaSasl;
    }

    private Builder toBuilder() {
        Builder b = new Builder(kafka);
        b.egress = egress;
        b.dns = dns;
        b.metricsIngress = metricsIngress;
        b.storage = storage;
        b.security = security;
        b.kedaAuthentication = kedaAuthentication;
        b.shutdownTimeout = shutdownTimeout;
        b.progressDeadline = progressDeadline;
        b.revisionHistoryLimit = revisionHistoryLimit;
        b.kafkaSasl = kafkaSasl;
        return b;
    }

    public static Builder builder(KafkaAccess kafka) {
        return new Builder(kafka);
    }

    public KafkaAccess kafka() {
        return kafka;
    }

    public KafkaEgress egress() {
        return egress;
    }

    /** Where DNS queries may go (NetworkPolicy). */
    public ClusterDns dns() {
        return dns;
    }

    /** Who may reach the HTTP port (NetworkPolicy). */
    public MetricsIngress metricsIngress() {
        return metricsIngress;
    }

    /** The emptyDir size limits and the container's ephemeral-storage limit. */
    public ScratchStorage storage() {
        return storage;
    }

    public SecurityOptions security() {
        return security;
    }

    /** The KEDA TriggerAuthentication the Kafka scaler uses (for SASL or TLS), or null. */
    public String kedaAuthentication() {
        return kedaAuthentication;
    }

    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** The pod's terminationGracePeriodSeconds: the runtime's shutdown timeout plus a margin, so it is never killed mid-commit. */
    public long terminationGracePeriodSeconds() {
        return shutdownTimeout.plus(GRACE_MARGIN).toSeconds();
    }

    public Duration progressDeadline() {
        return progressDeadline;
    }

    public int revisionHistoryLimit() {
        return revisionHistoryLimit;
    }

    /** The login with the deployment's own credentials Secret ({@link KafkaCredentialsSecret}), or null for none. */
    public KafkaSasl kafkaSasl() {
        return kafkaSasl;
    }

    /** A copy with these SASL settings (the deployer adds the Secret's generation once it has applied it). */
    public DeploymentOptions withKafkaSasl(KafkaSasl sasl) {
        return toBuilder().kafkaSasl(sasl).build();
    }

    /** Fluent builder with the defaults documented in docs/deployment.md. */
    public static final class Builder {
        private final KafkaAccess kafka;
        private KafkaEgress egress = KafkaEgress.ANY_ADDRESS;
        private ClusterDns dns = ClusterDns.DEFAULT;
        private MetricsIngress metricsIngress = MetricsIngress.ANY_ADDRESS;
        private ScratchStorage storage = ScratchStorage.DEFAULT;
        private SecurityOptions security = SecurityOptions.DEFAULT;
        private String kedaAuthentication;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private Duration progressDeadline = Duration.ofMinutes(5);
        private int revisionHistoryLimit = 10;
        private KafkaSasl kafkaSasl;

        private Builder(KafkaAccess kafka) {
            this.kafka = kafka;
        }

        public Builder egress(KafkaEgress egress) {
            this.egress = Objects.requireNonNull(egress);
            return this;
        }

        public Builder dns(ClusterDns dns) {
            this.dns = Objects.requireNonNull(dns);
            return this;
        }

        public Builder metricsIngress(MetricsIngress ingress) {
            this.metricsIngress = Objects.requireNonNull(ingress);
            return this;
        }

        public Builder storage(ScratchStorage storage) {
            this.storage = Objects.requireNonNull(storage);
            return this;
        }

        public Builder security(SecurityOptions security) {
            this.security = Objects.requireNonNull(security);
            return this;
        }

        public Builder kedaAuthentication(String name) {
            this.kedaAuthentication = name == null ? null : KubernetesNames.requireDnsSubdomain(name, "KEDA TriggerAuthentication name");
            return this;
        }

        public Builder shutdownTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException("the shutdown timeout must be a positive whole number of seconds, not " + timeout);
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        public Builder progressDeadline(Duration deadline) {
            if (deadline.toSeconds() < 10) {
                throw new IllegalArgumentException("the progress deadline must be at least 10 seconds, not " + deadline);
            }
            this.progressDeadline = deadline;
            return this;
        }

        public Builder revisionHistoryLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("the revision history limit cannot be negative");
            }
            this.revisionHistoryLimit = limit;
            return this;
        }

        /**
         * Log in to Kafka with the deployment's own credentials Secret: {@code KAFKA_SECURITY_PROTOCOL} and
         * {@code KAFKA_SASL_MECHANISM} as plain variables, {@code KAFKA_SASL_JAAS_CONFIG} from the Secret.
         */
        public Builder kafkaSasl(KafkaSasl sasl) {
            this.kafkaSasl = sasl;
            return this;
        }

        /** @throws IllegalArgumentException when the SASL settings and the Kafka properties set the same thing */
        public DeploymentOptions build() {
            if (kafkaSasl != null) {
                for (String property : KafkaSasl.PROPERTIES) {
                    if (kafka.properties().containsKey(property) || kafka.secretKeys().stream().anyMatch(r -> r.property().equals(property))) {
                        throw new IllegalArgumentException("Kafka property '" + property + "' is given twice: by the Kafka credentials "
                                + "and as a property");
                    }
                }
            }
            return new DeploymentOptions(this);
        }
    }
}
