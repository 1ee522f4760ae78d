package io.datapipelines.runtime.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stream of numbered order records for the restart tests, with a known set of poison records of
 * each kind and a pipeline (built-in filter and transforms, a Python step) whose output for each record
 * is computed here independently of the runtime.
 *
 * <ul>
 *   <li>n % 100 == 7: status "test", filtered out by the built-in filter (no output);</li>
 *   <li>n % 1000 == 250: divisor 0, a ZeroDivisionError in the Python step (dead letter);</li>
 *   <li>n % 1000 == 500: bytes that are not JSON (dead letter: JSONDecodeError);</li>
 *   <li>n % 1000 == 750: amount is a string, a TypeError in the built-in round (dead letter);</li>
 *   <li>everything else: one sink record, keyed by its id.</li>
 * </ul>
 */
final class NumberedRecords {

    private NumberedRecords() {
    }

    /** The pipeline, named {@code name}, from {@code name-in} to {@code name-out}, dead letters to {@code name-dlq}. */
    static String definition(String name, String guarantee) {
        return definition(name, guarantee, "dead-letter");
    }

    /** The same with another {@code errors.mode} (skip, fail: then there is no dead-letter topic). */
    static String definition(String name, String guarantee, String errorsMode) {
        String errors = errorsMode.equals("dead-letter")
                ? "mode: dead-letter\n    deadLetterTopic: " + name + "-dlq"
                : "mode: " + errorsMode;
        return """
                apiVersion: datapipelines/v1
                kind: DataPipeline
                metadata:
                  name: %1$s
                spec:
                  source: {topic: %1$s-in}
                  sink: {topic: %1$s-out}
                  steps:
                    - kind: Field
                      fields:
                        status: {filter: {key: not-equal, config: {value: test}}}
                        name: {transform: {key: uppercase}}
                        amount: {transform: {key: round, config: {precision: 1}}}
                    - kind: Record
                      transform:
                        key: user-defined-record-transformation
                        config:
                          code: |
                            def transform(record):
                                value = record["value"]
                                value["share"] = value["n"] // value["divisor"]
                                return record
                  errors:
                    %3$s
                  processing:
                    guarantee: %2$s
                """.formatted(name, guarantee, errors);
    }

    static String id(int n) {
        return String.format(Locale.ROOT, "r-%06d", n);
    }

    /** Records 1 to {@code count}. */
    static List<TopicClient.Input> inputs(int count) {
        List<TopicClient.Input> inputs = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            inputs.add(input(n));
        }
        return inputs;
    }

    static TopicClient.Input input(int n) {
        String id = id(n);
        if (n % 1000 == 500) {
            return TopicClient.Input.raw(id, "{\"id\":\"" + id + "\",\"n\":" + n + ",");
        }
        String amount = n % 1000 == 750 ? "\"" + n + "\"" : n + ".123";
        int divisor = n % 1000 == 250 ? 0 : 7;
        String status = n % 100 == 7 ? "test" : "ok";
        return TopicClient.Input.json(id, String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"n\":%d,\"name\":\"item %d\",\"amount\":%s,\"divisor\":%d,\"status\":\"%s\"}", id, n, n, amount, divisor, status));
    }

    /** Sink record values by id. */
    static Map<String, Object> expectedSink(int count) {
        Map<String, Object> expected = new TreeMap<>();
        for (int n = 1; n <= count; n++) {
            if (errorClass(n) == null && n % 100 != 7) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("id", id(n));
                value.put("n", (long) n);
                value.put("name", "ITEM " + n);
                value.put("amount", Double.parseDouble(n + ".1"));
                value.put("divisor", 7L);
                value.put("status", "ok");
                value.put("share", (long) (n / 7));
                expected.put(id(n), value);
            }
        }
        return expected;
    }

    /** The error class of each dead letter, by id. */
    static Map<String, String> expectedDeadLetters(int count) {
        Map<String, String> expected = new TreeMap<>();
        for (int n = 1; n <= count; n++) {
            if (errorClass(n) != null) {
                expected.put(id(n), errorClass(n));
            }
        }
        return expected;
    }

    private static String errorClass(int n) {
        return switch (n % 1000) {
            case 250 -> "ZeroDivisionError";
            case 500 -> "JSONDecodeError";
            case 750 -> "TypeError";
            default -> null;
        };
    }
}
