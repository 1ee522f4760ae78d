package io.datapipelines.model;

import java.util.List;

/**
 * One entry of {@code spec.tests}: input records, the exact sink records expected (in order), and the
 * number of records expected on the dead-letter topic.
 */
public record PipelineTest(String name, List<TestRecord> input, List<TestRecord> expect, int deadLetters, Location location) {
    public PipelineTest {
        input = List.copyOf(input);
        expect = List.copyOf(expect);
    }
}
