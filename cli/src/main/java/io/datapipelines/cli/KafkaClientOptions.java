package io.datapipelines.cli;

import io.datapipelines.runtime.app.KafkaSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.util.Map;

/**
 * The Kafka connection of the commands that read Kafka from this machine ({@code diff --from-topic}, {@code shadow}),
 * mixed into each: the brokers and the login. The texts here are the plain ones; {@code diff}, which reads Kafka only
 * with {@code --from-topic}, says so in its resource bundle (DiffCommand.properties, keys {@code bootstrap-servers}
 * and {@code kafka-login.heading}). {@code deploy}'s brokers and login are the pods', not this machine's: they stay
 * its own options (its shadow reads Kafka from here with them, through {@link KafkaClient} too).
 */
final class KafkaClientOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
            description = "The Kafka brokers (default: $KAFKA_BOOTSTRAP_SERVERS; other KAFKA_* variables apply too).")
    String bootstrapServers;

    @ArgGroup(exclusive = false, heading = "Kafka login (default: none, or the KAFKA_* variables):%n", headingKey = "kafka-login.heading")
    KafkaLogin login = new KafkaLogin();

    /**
     * This machine's {@code KAFKA_*} variables with these options ({@link KafkaClient#settings}).
     *
     * @param command what needs Kafka ("--from-topic"), for the message when no brokers are known
     * @throws IllegalArgumentException when no brokers are known, or the login options are incomplete
     */
    KafkaSettings settings(Map<String, String> environment, String command) {
        return KafkaClient.settings(bootstrapServers, login, environment, command);
    }
}
