package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Whom the deployment's NetworkPolicy lets the pods talk to (docs/deployment.md, "The NetworkPolicy"): the Kafka
 * brokers (CIDRs, namespaces, pod labels), the cluster DNS pods (namespace, pod labels) and the namespaces that may
 * scrape {@code /metrics}. Each value is the text of a setting, several items separated by blanks or commas; null
 * means unset: the global default, then the CLI's own default.
 *
 * <p>A plain serializable class, not a record, for the same reason as {@link DeployParameters}, which keeps it.
 */
public final class NetworkSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final NetworkSettings NONE = builder().build();

    private final String kafkaCidrs;
    private final String kafkaNamespaces;
    private final String kafkaPodLabels;
    private final String dnsNamespace;
    private final String dnsPodLabels;
    private final String metricsNamespaces;

    private NetworkSettings(Builder b) {
        this.kafkaCidrs = normalized(b.kafkaCidrs);
        this.kafkaNamespaces = normalized(b.kafkaNamespaces);
        this.kafkaPodLabels = normalized(b.kafkaPodLabels);
        this.dnsNamespace = Strings.trimToNull(b.dnsNamespace);
        this.dnsPodLabels = normalized(b.dnsPodLabels);
        this.metricsNamespaces = normalized(b.metricsNamespaces);
    }

    /** The items of a list setting, as typed: separated by blanks, commas or line breaks. */
    public static List<String> items(@CheckForNull String text) {
        String v = Strings.trimToNull(text);
        if (v == null) {
            return List.of();
        }
        return Arrays.stream(v.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** One line, items separated by a single blank: what a form shows back and a build records. */
    private static @CheckForNull String normalized(@CheckForNull String text) {
        List<String> items = items(text);
        return items.isEmpty() ? null : String.join(" ", items);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Each setting this one leaves unset taken from {@code defaults}: a list set here replaces the default's, never adds to it. */
    public NetworkSettings orElse(NetworkSettings defaults) {
        return builder().kafkaCidrs(Strings.firstNonNull(kafkaCidrs, defaults.kafkaCidrs, null))
                .kafkaNamespaces(Strings.firstNonNull(kafkaNamespaces, defaults.kafkaNamespaces, null))
                .kafkaPodLabels(Strings.firstNonNull(kafkaPodLabels, defaults.kafkaPodLabels, null))
                .dnsNamespace(Strings.firstNonNull(dnsNamespace, defaults.dnsNamespace, null))
                .dnsPodLabels(Strings.firstNonNull(dnsPodLabels, defaults.dnsPodLabels, null))
                .metricsNamespaces(Strings.firstNonNull(metricsNamespaces, defaults.metricsNamespaces, null)).build();
    }

    /** The syntax of an item of a setting: one rule for the form's checks ({@link FieldChecks}) and the step's. */
    enum Syntax {
        CIDR("a CIDR such as 10.0.12.0/24 or fd00::/64"),
        NAMESPACE("a Kubernetes namespace: lower-case letters, digits and '-', at most 63 characters"),
        LABEL("a label KEY=VALUE such as app=kafka: " + Names.LABEL_SYNTAX);

        private final String description;

        Syntax(String description) {
            this.description = description;
        }

        boolean accepts(String item) {
            return switch (this) {
                case CIDR -> Names.isCidr(item);
                case NAMESPACE -> Names.isDnsLabel(item);
                case LABEL -> Names.isLabel(item);
            };
        }

        /** The first item of {@code text} that does not have this syntax; null when all do (or there are none). */
        @CheckForNull String firstInvalid(@CheckForNull String text) {
            return items(text).stream().filter(item -> !accepts(item)).findFirst().orElse(null);
        }

        void check(String setting, @CheckForNull String text) throws DeploymentFailure {
            String invalid = firstInvalid(text);
            if (invalid != null) {
                throw new DeploymentFailure(setting + ": '" + invalid + "' is not " + description);
            }
        }
    }

    /** The syntax of every item, so a typo fails the step before the CLI runs; the message names the setting. */
    void check() throws DeploymentFailure {
        Syntax.CIDR.check("kafkaCidrs", kafkaCidrs);
        Syntax.NAMESPACE.check("kafkaNamespaces", kafkaNamespaces);
        Syntax.LABEL.check("kafkaPodLabels", kafkaPodLabels);
        if (items(dnsNamespace).size() > 1) {
            throw new DeploymentFailure("dnsNamespace: '" + dnsNamespace + "' must be one namespace");
        }
        Syntax.NAMESPACE.check("dnsNamespace", dnsNamespace);
        Syntax.LABEL.check("dnsPodLabels", dnsPodLabels);
        Syntax.NAMESPACE.check("metricsNamespaces", metricsNamespaces);
    }

    /** The {@code deploy} options for the settings that are set, each item its own option (all are repeatable). */
    List<String> deployArguments() {
        List<String> args = new ArrayList<>();
        repeat(args, "--kafka-cidr", kafkaCidrs);
        repeat(args, "--kafka-namespace", kafkaNamespaces);
        repeat(args, "--kafka-pod-label", kafkaPodLabels);
        repeat(args, "--dns-namespace", dnsNamespace);
        repeat(args, "--dns-pod-label", dnsPodLabels);
        repeat(args, "--metrics-namespace", metricsNamespaces);
        return args;
    }

    private static void repeat(List<String> args, String option, @CheckForNull String text) {
        for (String item : items(text)) {
            args.add(option);
            args.add(item);
        }
    }

    public @CheckForNull String kafkaCidrs() {
        return kafkaCidrs;
    }

    public @CheckForNull String kafkaNamespaces() {
        return kafkaNamespaces;
    }

    public @CheckForNull String kafkaPodLabels() {
        return kafkaPodLabels;
    }

    public @CheckForNull String dnsNamespace() {
        return dnsNamespace;
    }

    public @CheckForNull String dnsPodLabels() {
        return dnsPodLabels;
    }

    public @CheckForNull String metricsNamespaces() {
        return metricsNamespaces;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSettings n && Objects.equals(kafkaCidrs, n.kafkaCidrs) && Objects.equals(kafkaNamespaces, n.kafkaNamespaces)
                && Objects.equals(kafkaPodLabels, n.kafkaPodLabels) && Objects.equals(dnsNamespace, n.dnsNamespace)
                && Objects.equals(dnsPodLabels, n.dnsPodLabels) && Objects.equals(metricsNamespaces, n.metricsNamespaces);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kafkaCidrs, kafkaNamespaces, kafkaPodLabels, dnsNamespace, dnsPodLabels, metricsNamespaces);
    }

    @Override
    public String toString() {
        return "NetworkSettings[kafkaCidrs=" + kafkaCidrs + ", kafkaNamespaces=" + kafkaNamespaces + ", kafkaPodLabels=" + kafkaPodLabels
                + ", dnsNamespace=" + dnsNamespace + ", dnsPodLabels=" + dnsPodLabels + ", metricsNamespaces=" + metricsNamespaces + "]";
    }

    /** Fluent builder; blank text counts as unset. */
    public static final class Builder {
        private String kafkaCidrs;
        private String kafkaNamespaces;
        private String kafkaPodLabels;
        private String dnsNamespace;
        private String dnsPodLabels;
        private String metricsNamespaces;

        private Builder() {
        }

        public Builder kafkaCidrs(@CheckForNull String value) {
            kafkaCidrs = value;
            return this;
        }

        public Builder kafkaNamespaces(@CheckForNull String value) {
            kafkaNamespaces = value;
            return this;
        }

        public Builder kafkaPodLabels(@CheckForNull String value) {
            kafkaPodLabels = value;
            return this;
        }

        public Builder dnsNamespace(@CheckForNull String value) {
            dnsNamespace = value;
            return this;
        }

        public Builder dnsPodLabels(@CheckForNull String value) {
            dnsPodLabels = value;
            return this;
        }

        public Builder metricsNamespaces(@CheckForNull String value) {
            metricsNamespaces = value;
            return this;
        }

        public NetworkSettings build() {
            return new NetworkSettings(this);
        }
    }
}
