package io.datapipelines.runtime.diff;

import java.util.Map;

/**
 * One source record as both revisions receive it: the bytes a producer wrote.
 *
 * @param id        where it came from, for the report ({@code input.ndjson:3}, {@code orders/0@41})
 * @param headers   may be null
 * @param timestamp null for the driver's clock
 */
public record DiffInput(String id, byte[] key, byte[] value, Map<String, String> headers, Long timestamp) {
    public DiffInput {
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }
}
