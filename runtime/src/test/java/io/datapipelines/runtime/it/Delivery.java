package io.datapipelines.runtime.it;

import io.datapipelines.runtime.codec.JsonCodec;
import io.datapipelines.runtime.topology.DeadLetterHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What reached a topic, per record id (the record key): how often each id arrived, compared with
 * the ids expected. Failures name how many were lost, duplicated or unexpected, with examples.
 */
final class Delivery {
    private static final int EXAMPLES = 10;

    private final String topic;
    private final Map<String, List<OutputRecord>> byId = new TreeMap<>();

    private Delivery(String topic, List<OutputRecord> records) {
        this.topic = topic;
        for (OutputRecord r : records) {
            byId.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
        }
    }

    static Delivery of(String topic, List<OutputRecord> records) {
        return new Delivery(topic, records);
    }

    Set<String> lost(Set<String> expected) {
        Set<String> lost = new TreeSet<>(expected);
        lost.removeAll(byId.keySet());
        return lost;
    }

    Set<String> duplicated() {
        Set<String> duplicated = new TreeSet<>();
        byId.forEach((id, records) -> {
            if (records.size() > 1) {
                duplicated.add(id);
            }
        });
        return duplicated;
    }

    Set<String> unexpected(Set<String> expected) {
        Set<String> unexpected = new TreeSet<>(byId.keySet());
        unexpected.removeAll(expected);
        return unexpected;
    }

    /** Fails unless every expected id arrived exactly once and nothing else did. */
    void assertExactlyOnce(Set<String> expected) {
        check("lost", lost(expected));
        check("duplicated", duplicated());
        check("unexpected", unexpected(expected));
    }

    /** Fails unless every expected id arrived (duplicates allowed) and nothing else did. */
    void assertAtLeastOnce(Set<String> expected) {
        check("lost", lost(expected));
        check("unexpected", unexpected(expected));
    }

    /** Fails unless every arrived record's JSON value equals the expected value for its id. */
    void assertValues(Map<String, Object> expected) {
        assertEach("wrong value", expected, r -> {
            try {
                return JsonCodec.fromJson(r.value());
            } catch (java.io.IOException e) {
                return "(not JSON: " + r.value() + ")";
            }
        });
    }

    /** Fails unless every arrived dead letter carries the expected error class header. */
    void assertErrorClasses(Map<String, String> expected) {
        assertEach("wrong error class", expected, r -> r.headers().get(DeadLetterHeaders.CLASS));
    }

    private <T> void assertEach(String problem, Map<String, T> expected, Function<OutputRecord, Object> actual) {
        List<String> wrong = new ArrayList<>();
        byId.forEach((id, records) -> {
            for (OutputRecord r : records) {
                Object value = actual.apply(r);
                if (expected.containsKey(id) && !expected.get(id).equals(value)) {
                    wrong.add(id + ": expected " + expected.get(id) + ", got " + value);
                }
            }
        });
        if (!wrong.isEmpty()) {
            throw new AssertionError(topic + ": " + wrong.size() + " record(s) with a " + problem + ", such as "
                    + wrong.subList(0, Math.min(EXAMPLES, wrong.size())));
        }
    }

    private void check(String problem, Set<String> ids) {
        if (!ids.isEmpty()) {
            throw new AssertionError(topic + ": " + ids.size() + " record id(s) " + problem + " (of " + byId.size() + " distinct ids read), such as "
                    + ids.stream().limit(EXAMPLES).toList());
        }
    }
}
