package io.datapipelines.runtime.topology;

/** The headers a dead letter carries, besides the original record's own. */
public final class DeadLetterHeaders {
    public static final String PREFIX = "datapipelines.";
    public static final String STEP = "datapipelines.error.step";
    public static final String CLASS = "datapipelines.error.class";
    public static final String MESSAGE = "datapipelines.error.message";
    public static final String SOURCE_TOPIC = "datapipelines.source.topic";
    public static final String SOURCE_PARTITION = "datapipelines.source.partition";
    public static final String SOURCE_OFFSET = "datapipelines.source.offset";

    private DeadLetterHeaders() {
    }
}
