package io.datapipelines.model;

/** Where a new consumer group starts reading: Kafka's {@code auto.offset.reset}. */
public enum StartFrom {
    EARLIEST("earliest"),
    LATEST("latest");

    private final String yamlName;

    StartFrom(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
