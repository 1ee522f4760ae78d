package io.datapipelines.cli;

import io.datapipelines.kubernetes.KafkaCredentials;
import io.datapipelines.runtime.app.KafkaSettings;

import java.util.Map;

/** The Kafka client settings of the commands that read Kafka from this machine (diff, shadow, deploy --shadow). */
final class KafkaClient {
    private KafkaClient() {
    }

    /**
     * This machine's {@code KAFKA_*} variables, the bootstrap servers given, and the login of {@code login}.
     *
     * @param command what needs Kafka ("--from-topic"), for the message when no brokers are known
     * @throws IllegalArgumentException when no brokers are known, or the login options are incomplete
     */
    static KafkaSettings settings(String bootstrapServers, KafkaLogin login, Map<String, String> environment, String command) {
        KafkaCredentials credentials = login.credentials(environment);
        KafkaSettings settings = KafkaSettings.fromEnvironment(environment);
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            settings = settings.with("bootstrap.servers", bootstrapServers);
        }
        if (settings.bootstrapServers() == null || settings.bootstrapServers().isBlank()) {
            throw new IllegalArgumentException(command + " needs Kafka: give --bootstrap-servers HOST:PORT[,...] (or set KAFKA_BOOTSTRAP_SERVERS)");
        }
        if (credentials != null) {
            settings = settings.with("security.protocol", credentials.sasl().securityProtocol())
                    .with("sasl.mechanism", credentials.sasl().mechanism().kafkaName())
                    .with("sasl.jaas.config", credentials.jaasConfig());
        }
        return settings;
    }
}
