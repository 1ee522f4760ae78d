package io.datapipelines.runtime.step;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record as steps and user code see it: key, value and metadata. Key and value are plain Java values:
 * {@code null}, {@link Boolean}, {@link Long} or {@link java.math.BigInteger} (Python int), {@link Double}
 * (Python float), {@link String}, {@code java.util.List<Object>} and {@code Map<String, Object>}
 * (insertion-ordered, like a Python 3 dict). Steps change records in place.
 */
public final class PipelineRecord {
    private Object key;
    private Object value;
    private final String topic;
    private final int partition;
    private final long offset;
    private final long timestamp;
    private Map<String, String> headers;

    public PipelineRecord(Object key, Object value, String topic, int partition, long offset, long timestamp, Map<String, String> headers) {
        this.key = key;
        this.value = value;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.headers = new LinkedHashMap<>(headers);
    }

    public Object key() {
        return key;
    }

    public void key(Object key) {
        this.key = key;
    }

    public Object value() {
        return value;
    }

    public void value(Object value) {
        this.value = value;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    public long timestamp() {
        return timestamp;
    }

    /** Mutable: a record transform may change headers, and they are written to the sink. */
    public Map<String, String> headers() {
        return headers;
    }

    public void headers(Map<String, String> headers) {
        this.headers = new LinkedHashMap<>(headers);
    }

    /** A record with the same metadata (topic, partition, offset, timestamp) and new contents. */
    public PipelineRecord with(Object newKey, Object newValue, Map<String, String> newHeaders) {
        return new PipelineRecord(newKey, newValue, topic, partition, offset, timestamp, newHeaders);
    }

    @Override
    public String toString() {
        return "PipelineRecord{key=" + key + ", value=" + value + ", topic=" + topic + ", partition=" + partition
                + ", offset=" + offset + ", headers=" + headers + "}";
    }
}
