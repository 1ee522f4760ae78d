package io.datapipelines.runtime.diff;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.TestDefinitions;
import io.datapipelines.runtime.codec.JsonCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two revisions through their pipelines' real processor (DirectPipeline), compared record by record. */
class PipelineComparisonTest {
    private static final String ERRORS = "  errors: {mode: dead-letter}\n";

    /** Rounds amount to {@code precision} decimals, lower-cases status, drops orders below {@code minimum}. */
    private static PipelineDefinition revision(int precision, String extraFields) {
        return TestDefinitions.pipeline("""
                  steps:
                    - kind: Field
                      fields:
                        amount: {transform: {key: round, config: {precision: %d}}}
                        status: {transform: {key: lowercase}}
                %s""".formatted(precision, extraFields) + ERRORS);
    }

    private static DiffInput json(String id, String key, String valueJson) {
        return new DiffInput(id, key == null ? null : key.getBytes(StandardCharsets.UTF_8), // the default key format: string
                valueJson.getBytes(StandardCharsets.UTF_8), Map.of(), null);
    }

    @Test
    void aChangedRoundingRuleIsCaughtFieldByField() {
        try (PipelineComparison comparison = new PipelineComparison(revision(2, ""), revision(1, ""))) {
            RecordDiff same = comparison.compare(json("in:1", "o-1", "{\"amount\": 10.5, \"status\": \"PAID\"}"));
            RecordDiff changed = comparison.compare(json("in:2", "o-2", "{\"amount\": 10.26, \"status\": \"PAID\"}"));
            assertThat(same.outcome()).isEqualTo(Outcome.UNCHANGED);
            assertThat(same.changes()).isEmpty();
            assertThat(changed.outcome()).isEqualTo(Outcome.CHANGED);
            assertThat(changed.changes()).singleElement().satisfies(c -> {
                assertThat(c.path()).isEqualTo("value.amount");
                assertThat(c.kind()).isEqualTo(FieldChange.Kind.CHANGED);
                assertThat(c.oldValue()).isEqualTo(10.26);
                assertThat(c.newValue()).isEqualTo(10.3);
                assertThat(c.describe()).isEqualTo("value.amount: 10.26 -> 10.3");
            });
            DiffReport report = comparison.report();
            assertThat(report.total()).isEqualTo(2);
            assertThat(report.count(Outcome.CHANGED)).isEqualTo(1);
            assertThat(report.changedRate()).isEqualTo(0.5);
            assertThat(report.impact().none()).as("same fields, same types, same topic").isTrue();
            assertThat(DiffThresholds.NONE_ALLOWED.violations(report)).singleElement().asString()
                    .isEqualTo("1 of 2 records (50%) changed, dropped or emitted only by NEW: more than the allowed 0%");
            assertThat(new DiffThresholds(0.5, 0, false).violations(report)).isEmpty();
        }
    }

    @Test
    void identicalRevisionsAreUnchangedAndWithinTheStrictestThresholds() {
        try (PipelineComparison comparison = new PipelineComparison(revision(2, ""), revision(2, ""))) {
            RecordDiff cleaned = comparison.compare(json("in:1", "o-1", "{\"amount\": 10.499, \"status\": \"PAID\", \"items\": [1, 2]}"));
            RecordDiff dead = comparison.compare(json("in:2", null, "{\"amount\": \"n/a\"}")); // a dead letter in both
            assertThat(List.of(cleaned, dead)).extracting(RecordDiff::outcome).containsExactly(Outcome.UNCHANGED, Outcome.UNCHANGED);
            assertThat(dead.oldOutput().failure().errorClass()).isEqualTo("TypeError");
            DiffReport report = comparison.report();
            assertThat(report.total()).isEqualTo(2);
            assertThat(report.count(Outcome.UNCHANGED)).isEqualTo(2);
            assertThat(report.differing()).isEmpty();
            assertThat(DiffThresholds.NONE_ALLOWED.violations(report)).isEmpty();
        }
    }

    @Test
    void droppedEmittedOnlyByNewNewDeadLettersAndFixedOnes() {
        // OLD drops status CANCELLED; NEW drops status TEST instead, and casts amount to an integer (which "n/a" fails).
        PipelineDefinition oldRevision = TestDefinitions.pipeline("""
                  steps:
                    - kind: Field
                      fields:
                        status: {filter: {key: not-equal, config: {value: CANCELLED}}}
                        amount: {transform: {key: cast-data-type, config: {toDataType: float}}}
                """ + ERRORS);
        PipelineDefinition newRevision = TestDefinitions.pipeline("""
                  steps:
                    - kind: Field
                      fields:
                        status: {filter: {key: not-equal, config: {value: TEST}}}
                        amount: {transform: {key: cast-data-type, config: {toDataType: int}}}
                """ + ERRORS);
        try (PipelineComparison comparison = new PipelineComparison(oldRevision, newRevision)) {
            assertThat(comparison.compare(json("1", "a", "{\"status\": \"TEST\", \"amount\": \"1\"}")).outcome()).isEqualTo(Outcome.DROPPED);
            assertThat(comparison.compare(json("2", "b", "{\"status\": \"CANCELLED\", \"amount\": \"1\"}")).outcome()).isEqualTo(Outcome.ONLY_IN_NEW);
            RecordDiff newDead = comparison.compare(json("3", "c", "{\"status\": \"PAID\", \"amount\": \"2.5\"}"));
            assertThat(newDead.outcome()).isEqualTo(Outcome.NEW_DEAD_LETTER);
            assertThat(newDead.oldOutput().failed()).isFalse();
            assertThat(newDead.newOutput().failure().step()).contains("amount");
            RecordDiff retyped = comparison.compare(json("4", "d", "{\"status\": \"PAID\", \"amount\": \"7\"}"));
            assertThat(retyped.outcome()).isEqualTo(Outcome.CHANGED);
            assertThat(retyped.changes()).singleElement().satisfies(c ->
                    assertThat(c.describe()).isEqualTo("value.amount: 7.0 -> 7 (float -> integer)"));
            DiffReport report = comparison.report();
            assertThat(report.count(Outcome.DROPPED)).isEqualTo(1);
            assertThat(report.count(Outcome.ONLY_IN_NEW)).isEqualTo(1);
            assertThat(report.count(Outcome.NEW_DEAD_LETTER)).isEqualTo(1);
            assertThat(report.changedCount()).isEqualTo(3);
            assertThat(report.rate(Outcome.NEW_DEAD_LETTER)).isEqualTo(0.25);
            assertThat(report.impact().typeChanges()).containsExactly(Map.entry("value.amount", "float -> integer"));
            assertThat(DiffThresholds.NONE_ALLOWED.violations(report)).hasSize(2);
            assertThat(new DiffThresholds(0.75, 0.25, false).violations(report)).isEmpty();
        }
        try (PipelineComparison reversed = new PipelineComparison(newRevision, oldRevision)) {
            assertThat(reversed.compare(json("3", "c", "{\"status\": \"PAID\", \"amount\": \"2.5\"}")).outcome()).isEqualTo(Outcome.DEAD_LETTER_FIXED);
            assertThat(DiffThresholds.NONE_ALLOWED.violations(reversed.report())).as("a fixed dead letter is never a violation").isEmpty();
        }
    }

    @Test
    void consumersSeeFieldsAddedRemovedKeysAndTheSinkTopic() {
        PipelineDefinition oldRevision = revision(2, "");
        PipelineDefinition newRevision = TestDefinitions.parse("""
                apiVersion: datapipelines/v1
                kind: DataPipeline
                metadata: {name: p}
                spec:
                  source: {topic: in}
                  sink: {topic: out-v2}
                  steps:
                    - kind: Field
                      fields:
                        amount: {transform: {key: round, config: {precision: 2}}}
                        status: {transform: {key: lowercase}}
                        note: {transform: {key: drop-field}}
                        id: {transform: {key: rename-field, config: {newFieldName: order_id}}}
                  errors: {mode: dead-letter}
                """);
        try (PipelineComparison comparison = new PipelineComparison(oldRevision, newRevision)) {
            RecordDiff diff = comparison.compare(json("1", "k", "{\"id\": \"o-1\", \"amount\": 1.5, \"status\": \"NEW\", \"note\": \"x\"}"));
            assertThat(diff.changes()).extracting(FieldChange::describe).containsExactly(
                    "value.id: removed (was \"o-1\")", "value.note: removed (was \"x\")", "value.order_id: added \"o-1\"");
            ConsumerImpact impact = comparison.report().impact();
            assertThat(impact.sinkTopicChanged()).isTrue();
            assertThat(impact.oldSinkTopic()).isEqualTo("out");
            assertThat(impact.newSinkTopic()).isEqualTo("out-v2");
            assertThat(impact.fieldsAdded()).containsExactly("value.order_id");
            assertThat(impact.fieldsRemoved()).containsExactly("value.id", "value.note");
            assertThat(impact.keysChanged()).isZero();
            assertThat(DiffThresholds.NONE_ALLOWED.violations(comparison.report()))
                    .contains("the sink topic changes from out to out-v2");
            assertThat(new DiffThresholds(1, 0, true).violations(comparison.report())).isEmpty();
        }
    }

    @Test
    void theJsonFormListsCountsRatesVerdictAndTheDifferingRecords() {
        try (PipelineComparison comparison = new PipelineComparison(revision(2, ""), revision(0, ""))) {
            comparison.compare(json("in:1", "o-1", "{\"amount\": 3.0, \"status\": \"A\"}"));
            comparison.compare(json("in:2", "o-2", "{\"amount\": 3.14, \"status\": \"A\"}"));
            Map<String, Object> json = comparison.report().toJson(DiffThresholds.NONE_ALLOWED, 10);
            assertThat(json).containsEntry("total", 2L).containsEntry("changedRate", 0.5);
            assertThat(JsonCodec.toJson(json.get("counts")))
                    .isEqualTo("{\"unchanged\":1,\"changed\":1,\"dropped\":0,\"onlyInNew\":0,\"newDeadLetter\":0,\"deadLetterFixed\":0}");
            assertThat(JsonCodec.toJson(json.get("records"))).isEqualTo("[{\"input\":\"in:2\",\"outcome\":\"changed\","
                    + "\"changes\":[{\"path\":\"value.amount\",\"kind\":\"changed\",\"old\":3.14,\"new\":3.0}],"
                    + "\"old\":{\"sink\":[{\"key\":\"o-2\",\"value\":{\"amount\":3.14,\"status\":\"a\"}}]},"
                    + "\"new\":{\"sink\":[{\"key\":\"o-2\",\"value\":{\"amount\":3.0,\"status\":\"a\"}}]}}]");
            assertThat(((Map<?, ?>) json.get("verdict")).get("within")).isEqualTo(false);
            assertThat((List<?>) comparison.report().toJson(DiffThresholds.NONE_ALLOWED, 0).get("records")).isEmpty();
        }
    }

    @Test
    void errorsThatStopOrSkipAreRecordErrorsAndTheComparisonGoesOn() {
        PipelineDefinition stops = TestDefinitions.pipeline("""
                  steps:
                    - kind: Field
                      fields:
                        amount: {transform: {key: cast-data-type, config: {toDataType: float}}}
                  errors: {mode: fail}
                """);
        PipelineDefinition skips = TestDefinitions.pipeline("""
                  steps:
                    - kind: Field
                      fields:
                        amount: {transform: {key: cast-data-type, config: {toDataType: int}}}
                  errors: {mode: skip}
                """);
        try (PipelineComparison comparison = new PipelineComparison(stops, skips)) {
            RecordDiff bothFail = comparison.compare(json("1", "a", "{\"amount\": \"n/a\"}"));
            assertThat(bothFail.outcome()).isEqualTo(Outcome.UNCHANGED);
            assertThat(bothFail.oldOutput().failure().message()).isNotNull(); // the stop's message
            assertThat(bothFail.newOutput().failure().errorClass()).isEqualTo("ValueError");
            RecordDiff skipped = comparison.compare(json("2", "b", "{\"amount\": \"2.5\"}"));
            assertThat(skipped.outcome()).isEqualTo(Outcome.NEW_DEAD_LETTER);
            assertThat(skipped.newOutput().failure().step()).contains("amount");
            // OLD stopped on record 1, yet it handles the next record: a fresh topology took over.
            RecordDiff after = comparison.compare(json("3", "c", "{\"amount\": \"3\"}"));
            assertThat(after.outcome()).isEqualTo(Outcome.CHANGED);
            assertThat(after.changes()).extracting(FieldChange::describe).containsExactly("value.amount: 3.0 -> 3 (float -> integer)");
        }
    }

    @Test
    void theReportKeepsOnlyTheFirstDifferingRecordsButCountsThemAll() {
        try (PipelineComparison comparison = new PipelineComparison(revision(2, ""), revision(0, ""), 2)) {
            for (int i = 0; i < 5; i++) {
                comparison.compare(json("in:" + i, "o", "{\"amount\": 1.25, \"status\": \"A\"}"));
            }
            DiffReport report = comparison.report();
            assertThat(report.count(Outcome.CHANGED)).isEqualTo(5);
            assertThat(report.differing()).extracting(RecordDiff::inputId).containsExactly("in:0", "in:1");
        }
    }

    @Test
    void valuesCompareByTypeAndValue() {
        assertThat(ValueDiff.same(10L, java.math.BigInteger.TEN)).isTrue();
        assertThat(ValueDiff.same(10L, 10.0)).isFalse();
        assertThat(ValueDiff.same(0.1, new java.math.BigDecimal("0.1"))).isFalse(); // the double 0.1 is not exactly 0.1
        assertThat(ValueDiff.same(Map.of("a", List.of(1L, 2L)), Map.of("a", List.of(1L, 2L)))).isTrue();
        assertThat(ValueDiff.between(List.of(1L), List.of(1L, 2L), "value")).singleElement()
                .satisfies(c -> assertThat(c.describe()).isEqualTo("value: [1] -> [1,2]"));
        assertThatThrownBy(() -> new DiffThresholds(1.5, 0, false)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new DiffThresholds(0, Double.NaN, false)).hasMessageContaining("new dead letter rate");
        assertThat(DiffThresholds.percent(1.0 / 3)).isEqualTo("33.333%");
    }

    @Test
    void theSameNothingInTheSinkIsNotUnchangedWhenOneSideSkippedAnError() {
        // OLD skips a record whose amount cannot be rounded (errors.mode skip: no dead letter, nothing in the sink);
        // NEW filters it out without an error: both give no sink record, but NEW fixed an error
        PipelineDefinition skipping = TestDefinitions.pipeline("""
                  steps:
                    - kind: Field
                      fields:
                        amount: {transform: {key: round, config: {precision: 2}}}
                  errors: {mode: skip}
                """);
        PipelineDefinition filtering = TestDefinitions.pipeline("""
                  steps:
                    - kind: Field
                      fields:
                        amount: {filter: {key: not-empty}}
                    - kind: Field
                      fields:
                        status: {filter: {key: equal, config: {value: PAID}}}
                  errors: {mode: skip}
                """);
        try (PipelineComparison comparison = new PipelineComparison(skipping, filtering)) {
            RecordDiff diff = comparison.compare(json("in:1", "o-1", "{\"amount\": \"n/a\", \"status\": \"OPEN\"}"));
            assertThat(diff.oldOutput().failure()).as("OLD's skipped error").isNotNull();
            assertThat(diff.newOutput().sink()).isEmpty();
            assertThat(diff.outcome()).isEqualTo(Outcome.DEAD_LETTER_FIXED);
        }
    }
}
