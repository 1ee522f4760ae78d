package io.datapipelines.runtime.local;

import io.datapipelines.model.ErrorMode;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.model.PipelineTest;
import io.datapipelines.model.TestRecord;
import io.datapipelines.runtime.codec.RecordCodec;
import io.datapipelines.runtime.step.RecordError;
import io.datapipelines.runtime.topology.DeadLetterHeaders;
import io.datapipelines.runtime.topology.PipelineCounters;
import io.datapipelines.runtime.topology.PipelineFailedException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a definition's {@code tests} through the real topology ({@link LocalTopology}), each test on a
 * fresh topology, and compares the sink records (in order; keys and headers only where the test gives
 * them; numbers by value) and the number of record errors with what the test expects.
 */
public final class PipelineTestRunner {

    private PipelineTestRunner() {
    }

    public static List<TestOutcome> run(PipelineDefinition definition) {
        List<TestOutcome> outcomes = new ArrayList<>();
        for (PipelineTest test : definition.spec().tests()) {
            outcomes.add(run(definition, test));
        }
        return outcomes;
    }

    public static TestOutcome run(PipelineDefinition definition, PipelineTest test) {
        RecordCodec keys = RecordCodec.of(definition.spec().source().keyFormat());
        RecordCodec values = RecordCodec.of(definition.spec().source().format());
        RecordCodec sinkKeys = RecordCodec.of(definition.spec().sink().keyFormat());
        RecordCodec sinkValues = RecordCodec.of(definition.spec().sink().format());
        List<String> failures = new ArrayList<>();
        List<LocalTopology.Output> sink = new ArrayList<>();
        List<LocalTopology.Output> deadLetters = new ArrayList<>();
        PipelineCounters counters = new PipelineCounters();
        try (LocalTopology topology = new LocalTopology(definition, counters)) {
            for (int i = 0; i < test.input().size(); i++) {
                TestRecord in = test.input().get(i);
                byte[] key = in.hasKey() ? keys.encode(in.key()) : null;
                byte[] value = in.valueRaw() != null ? in.valueRaw().getBytes(StandardCharsets.UTF_8) : values.encode(in.value());
                try {
                    LocalTopology.Result result = topology.send(key, value, in.headers(), in.timestamp());
                    sink.addAll(result.sink());
                    deadLetters.addAll(result.deadLetters());
                    for (LocalTopology.Output dead : result.deadLetters()) {
                        if ("TimeoutError".equals(dead.headers().get(DeadLetterHeaders.CLASS))) {
                            // runaway code fails the test even where the test expects a dead letter
                            failures.add("input[" + i + "] ran past the time limit in " + dead.headers().get(DeadLetterHeaders.STEP)
                                    + ": " + dead.headers().get(DeadLetterHeaders.MESSAGE));
                        }
                    }
                } catch (PipelineFailedException e) {
                    failures.add("input[" + i + "] stopped the pipeline: " + e.getMessage());
                    return new TestOutcome(test.name(), failures);
                }
            }
        } catch (RecordError e) {
            failures.add("an input record cannot be encoded: " + e.getMessage());
            return new TestOutcome(test.name(), failures);
        }

        if (sink.size() != test.expect().size()) {
            failures.add("expected " + test.expect().size() + " sink record(s), got " + sink.size());
        }
        for (int i = 0; i < Math.min(sink.size(), test.expect().size()); i++) {
            compare(test.expect().get(i), sink.get(i), "record " + i, sinkKeys, sinkValues, failures);
        }
        for (int i = test.expect().size(); i < sink.size(); i++) {
            failures.add("record " + i + " not expected: " + describe(sink.get(i), sinkKeys, sinkValues));
        }
        long errors = definition.spec().errors().mode() == ErrorMode.DEAD_LETTER ? deadLetters.size() : counters.errorCount();
        if (errors != test.deadLetters()) {
            failures.add("expected " + test.deadLetters() + " dead letter(s), got " + errors);
            for (LocalTopology.Output dead : deadLetters) {
                failures.add("  dead letter: " + dead.headers().get(DeadLetterHeaders.STEP) + ": "
                        + dead.headers().get(DeadLetterHeaders.CLASS) + ": " + dead.headers().get(DeadLetterHeaders.MESSAGE));
            }
        }
        return new TestOutcome(test.name(), failures);
    }

    private static void compare(TestRecord expected, LocalTopology.Output actual, String label,
                                RecordCodec keys, RecordCodec values, List<String> failures) {
        Object actualValue;
        Object actualKey;
        try {
            actualValue = values.decode(actual.value());
            actualKey = keys.decode(actual.key());
        } catch (RecordError e) {
            failures.add(label + ": cannot be read back: " + e.getMessage());
            return;
        }
        if (expected.hasKey()) {
            ValueComparison.differences(expected.key(), actualKey, "key", d -> failures.add(label + " " + d));
        }
        ValueComparison.differences(expected.value(), actualValue, "value", d -> failures.add(label + " " + d));
        if (expected.headers() != null) {
            for (Map.Entry<String, String> h : expected.headers().entrySet()) {
                String got = actual.headers().get(h.getKey());
                if (!h.getValue().equals(got)) {
                    failures.add(label + " headers." + h.getKey() + ": expected \"" + h.getValue() + "\", got "
                            + (got == null ? "no such header" : "\"" + got + "\""));
                }
            }
        }
    }

    private static String describe(LocalTopology.Output output, RecordCodec keys, RecordCodec values) {
        try {
            return "{\"key\":" + ValueComparison.show(keys.decode(output.key())) + ",\"value\":" + ValueComparison.show(values.decode(output.value())) + "}";
        } catch (RecordError e) {
            return "(unreadable record)";
        }
    }
}
