package io.datapipelines.runtime.app;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Kafka client settings from the environment, the way containers are configured:
 * {@code KAFKA_BOOTSTRAP_SERVERS}, and any Kafka client property as {@code KAFKA_<PROPERTY_IN_UPPER_SNAKE>}
 * ({@code KAFKA_SECURITY_PROTOCOL} → {@code security.protocol}, {@code KAFKA_SASL_JAAS_CONFIG} →
 * {@code sasl.jaas.config}), also with Kafka Streams' client prefixes ({@code KAFKA_PRODUCER_COMPRESSION_TYPE}
 * → {@code producer.compression.type}, for the producer only). Only names Kafka's own clients define are
 * taken, so unrelated variables that happen to start with KAFKA_ (such as {@code KAFKA_HEAP_OPTS}) are
 * left out; {@link #ignored()} names them, so that a misspelt setting can be noticed in the log.
 */
public final class KafkaSettings {
    public static final String PREFIX = "KAFKA_";
    private static final Pattern SENSITIVE = Pattern.compile("(?i).*(password|secret|jaas|key|token|credential).*");

    private static final Set<String> KNOWN = new HashSet<>();
    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);

    static {
        KNOWN.addAll(StreamsConfig.configDef().names());
        KNOWN.addAll(ProducerConfig.configNames());
        KNOWN.addAll(ConsumerConfig.configNames());
        KNOWN.addAll(AdminClientConfig.configNames());
    }

    private final Map<String, String> properties;
    private final Set<String> ignored;

    private KafkaSettings(Map<String, String> properties, Set<String> ignored) {
        this.properties = Map.copyOf(properties);
        this.ignored = Collections.unmodifiableSet(new TreeSet<>(ignored));
    }

    /** @param environment typically {@code System.getenv()} */
    public static KafkaSettings fromEnvironment(Map<String, String> environment) {
        Map<String, String> properties = new TreeMap<>();
        Set<String> ignored = new TreeSet<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                String property = propertyName(name);
                if (isClientSetting(property)) {
                    properties.put(property, value);
                } else {
                    ignored.add(name);
                }
            }
        });
        return new KafkaSettings(properties, ignored);
    }

    private static boolean isClientSetting(String property) {
        if (KNOWN.contains(property)) {
            return true;
        }
        for (String prefix : CLIENT_PREFIXES) {
            if (property.startsWith(prefix) && KNOWN.contains(property.substring(prefix.length()))) {
                return true;
            }
        }
        return false;
    }

    /** The KAFKA_* variables that name no Kafka client setting (names only: their values may be secret). */
    public Set<String> ignored() {
        return ignored;
    }

    /** {@code KAFKA_SASL_JAAS_CONFIG} → {@code sasl.jaas.config}. */
    static String propertyName(String variable) {
        return variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** A copy with one property set (for flags such as --bootstrap-server). */
    public KafkaSettings with(String property, String value) {
        Map<String, String> copy = new TreeMap<>(properties);
        copy.put(property, value);
        return new KafkaSettings(copy, ignored);
    }

    public String bootstrapServers() {
        return properties.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    public Properties toProperties() {
        Properties props = new Properties();
        props.putAll(properties);
        return props;
    }

    /** For logs: every property, with the values of secret ones hidden. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        properties.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=')
                .append(SENSITIVE.matcher(k).matches() ? "[hidden]" : v));
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
