package io.datapipelines.runtime.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.datapipelines.model.FunctionRef;
import io.datapipelines.model.Location;
import io.datapipelines.runtime.step.PipelineRecord;

/** Test data: function references as the model makes them, and records. */
final class Refs {
    /** The definition line of the code's first line in {@link #ref(String, String)}. */
    static final int FIRST_CODE_LINE = 14;

    private Refs() {
    }

    static FunctionRef ref(String code) {
        return ref("spec.steps[1].transform", code);
    }

    /** Code as a {@code |} block whose first line is line 14 of pipeline.yaml; null code: no config.code. */
    static FunctionRef ref(String path, String code) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (code != null) {
            config.put("code", code);
        }
        return new FunctionRef("user-defined-transformation", config, path, new Location("pipeline.yaml", FIRST_CODE_LINE - 3, 7),
                code == null ? null : new Location("pipeline.yaml", FIRST_CODE_LINE, 11));
    }

    /** The keys of a map, in its order. */
    static List<Object> keys(Object map) {
        return new ArrayList<>(((Map<?, ?>) map).keySet());
    }

    static FunctionRef noCode() {
        return ref("spec.steps[0].transform", null);
    }

    static PipelineRecord record(Object key, Object value) {
        return new PipelineRecord(key, value, "orders", 3, 42L, 1_700_000_000_000L, Map.of("source", "web"));
    }

    static <V> Map<String, V> map(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V value = (V) keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value);
        }
        return map;
    }
}
