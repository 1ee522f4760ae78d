package io.datapipelines.model;

/** The processing guarantee, mapped to Kafka Streams' {@code processing.guarantee}. */
public enum Guarantee {
    EXACTLY_ONCE("exactly-once", "exactly_once_v2"),
    AT_LEAST_ONCE("at-least-once", "at_least_once");

    private final String yamlName;
    private final String kafkaStreamsName;

    Guarantee(String yamlName, String kafkaStreamsName) {
        this.yamlName = yamlName;
        this.kafkaStreamsName = kafkaStreamsName;
    }

    public String yamlName() {
        return yamlName;
    }

    public String kafkaStreamsName() {
        return kafkaStreamsName;
    }
}
