package io.datapipelines.runtime.diff;

import java.util.List;
import java.util.Map;

/**
 * What one revision made of one input record: its sink records, decoded in the sink's formats, or the
 * record error it raised (then nothing reached the sink).
 */
public record RevisionOutput(List<SinkRecord> sink, RecordFailure failure) {

    /** A sink record; a value that does not decode in the sink format is kept as its text. */
    public record SinkRecord(Object key, Object value, Map<String, String> headers) {
        public SinkRecord {
            headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        }
    }

    /**
     * A record error.
     *
     * @param errorClass such as TypeError
     * @param step       such as steps[0].fields[amount], when known
     * @param message    may be null (errors.mode skip does not keep it)
     */
    public record RecordFailure(String errorClass, String step, String message) {
        public String describe() {
            return (step == null ? "" : step + ": ") + errorClass + (message == null ? "" : ": " + message);
        }
    }

    public RevisionOutput {
        sink = List.copyOf(sink);
    }

    public boolean failed() {
        return failure != null;
    }
}
