package io.datapipelines.runtime.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A record read back from a sink or dead-letter topic, with its key, value and headers as text. */
record OutputRecord(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {

    static OutputRecord of(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new OutputRecord(r.topic(), r.partition(), r.offset(), text(r.key()), text(r.value()), headers);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
