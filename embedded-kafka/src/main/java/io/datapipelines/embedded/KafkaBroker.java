package io.datapipelines.embedded;

/** A running Kafka broker a test or command talks to: in this JVM ({@link EmbeddedKafka}) or forked. */
public interface KafkaBroker extends AutoCloseable {

    /** The {@code bootstrap.servers} of the broker. */
    String bootstrapServers();
}
