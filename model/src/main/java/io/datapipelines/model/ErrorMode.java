package io.datapipelines.model;

/** What happens to a record whose processing fails. */
public enum ErrorMode {
    /** The original record goes to the dead-letter topic with error headers; the pipeline goes on. */
    DEAD_LETTER("dead-letter"),
    /** The record is counted, logged without its contents, and dropped; the pipeline goes on. */
    SKIP("skip"),
    /** The pipeline stops, and offsets are not committed past the record. */
    FAIL("fail");

    private final String yamlName;

    ErrorMode(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
