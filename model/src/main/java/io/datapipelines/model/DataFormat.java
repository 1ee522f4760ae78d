package io.datapipelines.model;

/** How a key or value is (de)serialized: parsed JSON, or a UTF-8 string. */
public enum DataFormat {
    JSON("json"),
    STRING("string");

    private final String yamlName;

    DataFormat(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
