package io.datapipelines.runtime.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapipelines.runtime.step.RecordError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helpers: run built-ins as a field step would, with Python-like shorthand for configs and rows. */
final class Builtins {

    /** The long sentence of DataCater's tests (paraphrased). */
    static final String S = "DataCater is the developer-friendly ETL platform for transforming data in real time. "
            + "It helps data teams build streaming data pipelines for data in motion.";

    private Builtins() {
    }

    /** An insertion-ordered map from alternating keys and values (nulls allowed). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A mutable list (nulls allowed). */
    static List<Object> list(Object... elements) {
        return new ArrayList<>(Arrays.asList(elements));
    }

    static Object transform(String key, Map<String, Object> config, Object value) {
        return transform(key, config, value, map());
    }

    /** Applies a transform, checking that it leaves the row as it was. */
    static Object transform(String key, Map<String, Object> config, Object value, Map<String, Object> row) {
        String before = row.toString();
        Object result = BuiltinFunctions.fieldTransform(key, config).apply(value, Collections.unmodifiableMap(row));
        assertThat(row.toString()).as("row unchanged").isEqualTo(before);
        return result;
    }

    static boolean filter(String key, Map<String, Object> config, Object value) {
        return filter(key, config, value, map());
    }

    static boolean filter(String key, Map<String, Object> config, Object value, Map<String, Object> row) {
        return BuiltinFunctions.fieldFilter(key, config).test(value, Collections.unmodifiableMap(row));
    }

    /** Asserts a record error of the given Python exception class, returning its message. */
    static String recordError(String errorClass, ThrowingCallable call) {
        List<String> message = new ArrayList<>();
        assertThatThrownBy(call).isInstanceOfSatisfying(RecordError.class, e -> {
            assertThat(e.errorClass()).isEqualTo(errorClass);
            message.add(e.getMessage());
        });
        return message.get(0);
    }
}
