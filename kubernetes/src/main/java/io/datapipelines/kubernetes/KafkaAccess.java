package io.datapipelines.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How pods reach Kafka: the bootstrap servers, plain client properties (set as {@code KAFKA_*}
 * environment variables, which the runtime reads; docs/runtime.md), and secret ones taken from Kubernetes
 * Secrets, either key by key or whole Secrets whose keys are {@code KAFKA_*} variable names.
 *
 * <p>Secret values are never held here: a plain property whose name says it is secret (a password, a JAAS
 * config, a key, a token) is refused, because it would end up in the manifest and the revision history.
 */
public record KafkaAccess(String bootstrapServers, Map<String, String> properties, List<SecretKeyReference> secretKeys,
                          List<String> secretEnvironments) {
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");
    private static final Pattern SECRET_PROPERTY = Pattern.compile(".*(password|jaas|secret|token|credential|(^|\\.)key$|\\.keys?\\.).*");
    private static final Pattern HOST_PORT = Pattern.compile("\\[?[A-Za-z0-9.:_-]+]?:([0-9]{1,5})");

    public KafkaAccess {
        ports(bootstrapServers); // validates
        properties = Map.copyOf(properties);
        secretKeys = List.copyOf(secretKeys);
        secretEnvironments = List.copyOf(secretEnvironments);
        for (Map.Entry<String, String> e : properties.entrySet()) {
            requirePropertyName(e.getKey());
            if (e.getKey().equals("bootstrap.servers")) {
                throw new IllegalArgumentException("give the bootstrap servers with --bootstrap-servers, not as a property");
            }
            if (isSecret(e.getKey())) {
                throw new IllegalArgumentException("Kafka property '" + e.getKey() + "' holds a secret: put it in a Kubernetes Secret "
                        + "and reference it (" + e.getKey() + "=SECRET/KEY), so that it never appears in manifests or the revision history");
            }
        }
        for (String secret : secretEnvironments) {
            KubernetesNames.requireDnsSubdomain(secret, "secret name");
        }
        Set<String> seen = new TreeSet<>(properties.keySet());
        for (SecretKeyReference ref : secretKeys) {
            if (!seen.add(ref.property())) {
                throw new IllegalArgumentException("Kafka property '" + ref.property() + "' is given twice");
            }
        }
    }

    public static KafkaAccess of(String bootstrapServers) {
        return new KafkaAccess(bootstrapServers, Map.of(), List.of(), List.of());
    }

    /** The environment variable the runtime reads a property from: {@code KAFKA_} and upper snake case. */
    public static String environmentVariable(String property) {
        return "KAFKA_" + property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static String requirePropertyName(String property) {
        if (property == null || !PROPERTY.matcher(property).matches()) {
            throw new IllegalArgumentException("'" + property + "' is not a Kafka property name (such as security.protocol)");
        }
        return property;
    }

    static boolean isSecret(String property) {
        return SECRET_PROPERTY.matcher(property).matches();
    }

    /** The distinct broker ports of the bootstrap servers, in order: what the NetworkPolicy opens by default. */
    public List<Integer> ports() {
        return ports(bootstrapServers);
    }

    /** The plain properties as environment variables, sorted by name so that manifests are stable. */
    public Map<String, String> plainEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        new TreeSet<>(properties.keySet()).forEach(p -> env.put(environmentVariable(p), properties.get(p)));
        return env;
    }

    private static List<Integer> ports(String bootstrapServers) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("no Kafka bootstrap servers given (HOST:PORT[,HOST:PORT...])");
        }
        List<Integer> ports = new ArrayList<>();
        for (String server : bootstrapServers.split(",")) {
            var m = HOST_PORT.matcher(server.strip());
            int port = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Kafka bootstrap server '" + server.strip() + "' is not HOST:PORT");
            }
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        return List.copyOf(ports);
    }
}
