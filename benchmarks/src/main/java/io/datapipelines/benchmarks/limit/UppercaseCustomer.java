package io.datapipelines.benchmarks.limit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The benchmark's transform as a Java developer writes it without the runtime: Jackson's tree model,
 * the field {@code customer} upper-cased, the record written back. The bare Kafka Streams app and the
 * plain client loop both use this one class, so they do exactly the same work per record.
 */
public final class UppercaseCustomer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UppercaseCustomer() {
    }

    public static byte[] apply(byte[] value) {
        try {
            JsonNode tree = JSON.readTree(value);
            if (!(tree instanceof ObjectNode order) || !order.path("customer").isTextual()) {
                throw new IllegalArgumentException("not an order with a text field customer");
            }
            order.put("customer", order.get("customer").asText().toUpperCase(Locale.ROOT));
            return JSON.writeValueAsBytes(order);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }
}
