package io.datapipelines.runtime.app;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaSettingsTest {

    @Test
    void mapsKafkaVariablesToClientProperties() {
        KafkaSettings settings = KafkaSettings.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9092,kafka-1:9092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_COMMIT_INTERVAL_MS", "250",            // Kafka Streams
                "KAFKA_MAX_POLL_RECORDS", "100",              // consumer
                "KAFKA_LINGER_MS", "20",                      // producer
                "KAFKA_PRODUCER_COMPRESSION_TYPE", "zstd",    // Kafka Streams' prefix: the producer only
                "KAFKA_MAIN_CONSUMER_FETCH_MAX_WAIT_MS", "50"));
        Properties expected = new Properties();
        expected.putAll(Map.of(
                "bootstrap.servers", "kafka-0:9092,kafka-1:9092",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "commit.interval.ms", "250",
                "max.poll.records", "100",
                "linger.ms", "20",
                "producer.compression.type", "zstd",
                "main.consumer.fetch.max.wait.ms", "50"));
        assertThat(settings.toProperties()).isEqualTo(expected);
        assertThat(settings.bootstrapServers()).isEqualTo("kafka-0:9092,kafka-1:9092");
        assertThat(settings.ignored()).isEmpty();
    }

    @Test
    void leavesOutVariablesThatAreNoKafkaClientSettingAndNamesThem() {
        KafkaSettings settings = KafkaSettings.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "KAFKA_OPTS", "-Dx=y",
                "KAFKA_SESION_TIMEOUT_MS", "6000",            // misspelt
                "KAFKA_PRODUCER_NO_SUCH_THING", "1",
                "KAFKA_", "nothing",
                "kafka_bootstrap_servers", "lower-case:9092",
                "PATH", "/usr/bin",
                "DATAPIPELINES_HTTP_PORT", "8080"));
        Properties expected = new Properties();
        expected.put("bootstrap.servers", "kafka:9092");
        assertThat(settings.toProperties()).isEqualTo(expected);
        assertThat(settings.ignored()).containsExactly("KAFKA_", "KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_PRODUCER_NO_SUCH_THING",
                "KAFKA_SESION_TIMEOUT_MS");
    }

    @Test
    void describeHidesTheValuesOfSecrets() {
        KafkaSettings settings = KafkaSettings.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"s3cr3t-jaas\";",
                "KAFKA_SSL_KEYSTORE_PASSWORD", "s3cr3t-keystore",
                "KAFKA_SSL_KEY_PASSWORD", "s3cr3t-key",
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "s3cr3t-truststore",
                "KAFKA_PRODUCER_SSL_KEY_PASSWORD", "s3cr3t-producer",
                "KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET", "s3cr3t-oauth",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));
        String description = settings.describe();
        assertThat(description).doesNotContain("s3cr3t").isEqualTo(settings.toString())
                .contains("bootstrap.servers=kafka:9092")
                .contains("security.protocol=SASL_SSL")
                .contains("sasl.jaas.config=[hidden]")
                .contains("ssl.keystore.password=[hidden]")
                .contains("ssl.key.password=[hidden]")
                .contains("ssl.truststore.password=[hidden]")
                .contains("producer.ssl.key.password=[hidden]")
                .contains("sasl.oauthbearer.client.credentials.client.secret=[hidden]");
        // The clients still get the real values.
        assertThat(settings.toProperties().getProperty("ssl.key.password")).isEqualTo("s3cr3t-key");
    }

    @Test
    void withOverridesOneProperty() {
        KafkaSettings settings = KafkaSettings.fromEnvironment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "from-env:9092", "KAFKA_LINGER_MS", "5"))
                .with("bootstrap.servers", "from-flag:9092");
        assertThat(settings.bootstrapServers()).isEqualTo("from-flag:9092");
        assertThat(settings.toProperties().getProperty("linger.ms")).isEqualTo("5");
    }
}
