package io.datapipelines.model;

import java.util.Map;

/**
 * A record in a test's {@code input} or {@code expect}. Key and value are plain Java values (see
 * {@link FunctionRef}). In {@code expect}, a key or headers left out are not compared ({@code hasKey},
 * {@code headers == null}).
 *
 * @param valueRaw for input only: the raw value as a string whose UTF-8 bytes are sent, instead of
 *                 {@code value}; lets a test feed undeserializable input
 */
public record TestRecord(boolean hasKey, Object key, Object value, String valueRaw, Map<String, String> headers, Long timestamp) {
}
