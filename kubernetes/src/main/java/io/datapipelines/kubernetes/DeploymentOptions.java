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
    private final SecurityOptions security;
    private final String kedaAuthentication;
    private final Duration shutdownTimeout;
    private final Duration progressDeadline;
    private final int revisionHistoryLimit;

    private DeploymentOptions(Builder b) {
        this.kafka = Objects.requireNonNull(b.kafka, "kafka");
        this.egress = b.egress;
        this.security = b.security;
        this.kedaAuthentication = b.kedaAuthentication;
        this.shutdownTimeout = b.shutdownTimeout;
        this.progressDeadline = b.progressDeadline;
        this.revisionHistoryLimit = b.revisionHistoryLimit;
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

    /** Fluent builder with the defaults documented in docs/deployment.md. */
    public static final class Builder {
        private final KafkaAccess kafka;
        private KafkaEgress egress = KafkaEgress.ANY_ADDRESS;
        private SecurityOptions security = SecurityOptions.DEFAULT;
        private String kedaAuthentication;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private Duration progressDeadline = Duration.ofMinutes(5);
        private int revisionHistoryLimit = 10;

        private Builder(KafkaAccess kafka) {
            this.kafka = kafka;
        }

        public Builder egress(KafkaEgress egress) {
            this.egress = Objects.requireNonNull(egress);
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

        public DeploymentOptions build() {
            return new DeploymentOptions(this);
        }
    }
}
