package io.datapipelines.runtime.local;

import io.datapipelines.model.PipelineDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.datapipelines.runtime.TestDefinitions.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

class PipelineTestRunnerTest {
    private static final String STEPS = """
              steps:
                - kind: Field
                  fields:
                    amount: {transform: {key: cast-data-type, config: {toDataType: float}}}
                    name: {transform: {key: uppercase}}
            """;

    private static List<TestOutcome> run(String tests) {
        PipelineDefinition definition = pipeline(STEPS + "  tests:\n" + tests);
        return PipelineTestRunner.run(definition);
    }

    @Test
    void passingTestsPassWithNumbersComparedByValue() {
        List<TestOutcome> outcomes = run("""
                    - name: cast and uppercase
                      input: [{key: k, value: {name: ada, amount: "10"}}, {value: {name: bob, amount: 2}}]
                      expect: [{key: k, value: {name: ADA, amount: 10}}, {value: {amount: 2.0, name: BOB}}]
                """);
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.failures()).isEmpty());
    }

    @Test
    void failuresSayWhatDiffersAndWhere() {
        List<TestOutcome> outcomes = run("""
                    - name: wrong expectations
                      input: [{key: k, value: {name: ada, amount: "10"}}]
                      expect: [{key: other, value: {name: Ada, amount: 10, extra: true}}]
                """);
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.passed()).isFalse();
            assertThat(o.failures()).containsExactly(
                    "record 0 key: expected \"other\", got \"k\"",
                    "record 0 value.extra: expected true, but the field is missing",
                    "record 0 value.name: expected \"Ada\", got \"ADA\"");
        });
    }

    @Test
    void countsRecordsAndDeadLettersAndExplainsUnexpectedDeadLetters() {
        List<TestOutcome> outcomes = run("""
                    - name: poison amount
                      input: [{value: {name: ada, amount: "n/a"}}, {valueRaw: "{broken"}]
                      expect: [{value: {name: ADA}}]
                      deadLetters: 1
                """);
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.failures()).containsExactly(
                "expected 1 sink record(s), got 0",
                "expected 1 dead letter(s), got 2",
                "  dead letter: steps[0].fields[amount]: ValueError: could not convert string to float: 'n/a'",
                "  dead letter: source.value: JSONDecodeError: the value is not valid JSON: Unexpected character ('b' (code 98)): "
                        + "was expecting double-quote to start field name (at byte 1)"));
    }

    @Test
    void eachTestStartsFromAFreshTopology() {
        List<TestOutcome> outcomes = run("""
                    - name: first
                      input: [{value: {name: a, amount: 1}}]
                      expect: [{value: {name: A, amount: 1}}]
                    - name: second
                      input: [{value: {name: b, amount: 2}}]
                      expect: [{value: {name: B, amount: 2}}]
                """);
        assertThat(outcomes).extracting(TestOutcome::passed).containsExactly(true, true);
    }
}
