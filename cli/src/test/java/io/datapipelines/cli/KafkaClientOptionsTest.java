package io.datapipelines.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;
import java.util.Properties;

import static io.datapipelines.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The Kafka options that diff and shadow share ({@link KafkaClientOptions}): each command's flags, its own help texts. */
class KafkaClientOptionsTest {

    @Test
    void eachCommandsFlagsMakeItsKafkaSettings() {
        DiffCommand diff = new DiffCommand();
        new CommandLine(diff).parseArgs("OLD", "NEW", "--from-topic", "--bootstrap-servers", "diff-broker:9092",
                "--kafka-username", "reader", "--kafka-password-env", "DIFF_PASSWORD", "--kafka-sasl-mechanism", "SCRAM-SHA-512");
        Properties fromDiff = diff.kafkaOptions.settings(Map.of("DIFF_PASSWORD", "s3cret"), "--from-topic").toProperties();
        assertThat(fromDiff).containsEntry("bootstrap.servers", "diff-broker:9092").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(fromDiff.getProperty("sasl.jaas.config")).contains("reader", "s3cret");

        ShadowCommand shadow = new ShadowCommand();
        new CommandLine(shadow).parseArgs("OLD", "NEW", "--records", "1", "--bootstrap-servers", "shadow-broker:9092",
                "--kafka-username-env", "SHADOW_USER", "--kafka-password-env", "SHADOW_PASSWORD", "--kafka-security-protocol", "SASL_PLAINTEXT");
        Properties fromShadow = shadow.kafkaOptions.settings(Map.of("SHADOW_USER", "shadower", "SHADOW_PASSWORD", "pw"), "shadow").toProperties();
        assertThat(fromShadow).containsEntry("bootstrap.servers", "shadow-broker:9092").containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("security.protocol", "SASL_PLAINTEXT");
        assertThat(fromShadow.getProperty("sasl.jaas.config")).contains("shadower", "pw");
    }

    @Test
    void diffSaysItsKafkaOptionsGoWithFromTopic() {
        // diff words the shared options through its resource bundle; shadow has the mixin's own texts.
        String diff = run("diff", "--help").out();
        assertThat(diff).contains("With --from-topic: the Kafka brokers (default:", "Kafka login for --from-topic (default: none, or the KAFKA_* variables):")
                .doesNotContain("The Kafka brokers (default:");
        String shadow = run("shadow", "--help").out();
        assertThat(shadow).contains("The Kafka brokers (default:", "Kafka login (default: none, or the KAFKA_* variables):")
                .doesNotContain("--from-topic");
    }
}
