package io.datapipelines.runtime.shadow;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.codec.JsonCodec;
import io.datapipelines.runtime.diff.DiffInput;
import io.datapipelines.runtime.diff.Outcome;
import io.datapipelines.runtime.diff.PipelineComparison;
import io.datapipelines.runtime.diff.RecordDiff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sampled difference's one format, and its bound: a sample of a large record still fits in a Kafka record. */
class ShadowDifferenceTest {
    private static final Path EXAMPLE = Path.of("../examples/orders-cleanup.yaml");
    private static final Instant AT = Instant.parse("2026-12-05T12:00:00Z");

    /** An order as the example pipeline takes it, with {@code amount} and {@code extra} (more JSON fields, or nothing). */
    private static String order(String amount, String extra) {
        return "{\"id\":\"o-7\",\"country\":\"DE\",\"email\":\"a@example.com\",\"name\":\"A\",\"amount\":" + amount
                + ",\"status\":\"PAID\",\"internal_note\":\"\"" + extra + "}";
    }

    /** The example against a revision that rounds the amount to whole numbers: {@code value} through both. */
    private static RecordDiff compare(String value) throws Exception {
        PipelineDefinition live = new DefinitionParser().parse(EXAMPLE);
        PipelineDefinition candidate = new DefinitionParser().parse(
                Files.readString(EXAMPLE).replace("config: {precision: 2}", "config: {precision: 0}"), "new.yaml", Path.of("../examples"));
        try (PipelineComparison comparison = new PipelineComparison(live, candidate)) {
            return comparison.compare(new DiffInput("orders/0@7", "k".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8),
                    Map.of(), null));
        }
    }

    @Test
    void aDifferenceReadsBackForItsShadowOnly() throws Exception {
        RecordDiff diff = compare(order("1.25", ""));
        assertThat(diff.outcome()).isEqualTo(Outcome.CHANGED);
        String json = ShadowDifference.toJson("orders-cleanup", "prod", diff, AT);
        Map<String, Object> read = ShadowDifference.parse(json, "orders-cleanup", "prod").orElseThrow();
        assertThat(read).containsEntry("input", "orders/0@7").containsEntry("outcome", "changed").containsKeys("changes", "old", "new")
                .doesNotContainKeys("type", "pipeline", "deployment", "at", "truncated");
        assertThat(((Map<?, ?>) ((List<?>) read.get("changes")).get(0)).get("path")).isEqualTo("value.amount");
        assertThat(ShadowDifference.parse(json, "orders-cleanup", "staging")).isEmpty();
        assertThat(ShadowDifference.parse(json, "other", "prod")).isEmpty();
        assertThat(ShadowDifference.parse("{\"type\": \"summary\"}", "orders-cleanup", "prod")).isEmpty();
        assertThat(ShadowDifference.parse("{not json", "orders-cleanup", "prod")).isEmpty();
        assertThat(ShadowDifference.parse("[1]", "orders-cleanup", "prod")).isEmpty();
    }

    @Test
    void aLargeDifferenceKeepsItsInputOutcomeAndChangesButNotItsOutputs() throws Exception {
        String note = "x".repeat(400_000); // the record passes through both revisions: twice that in the outputs
        RecordDiff diff = compare(order("1.25", ",\"comment\":\"" + note + "\""));
        assertThat(diff.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(JsonCodec.toJson(io.datapipelines.runtime.diff.DiffReport.recordJson(diff)).length()).isGreaterThan(800_000);

        String json = ShadowDifference.toJson("orders-cleanup", "prod", diff, AT);
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ShadowDifference.MAX_BYTES);
        Map<String, Object> read = ShadowDifference.parse(json, "orders-cleanup", "prod").orElseThrow();
        assertThat(read).containsEntry("input", "orders/0@7").containsEntry("outcome", "changed").doesNotContainKeys("old", "new");
        assertThat((String) read.get("truncated")).contains("more than a sample may be (" + ShadowDifference.MAX_BYTES + ")");
        assertThat(((Map<?, ?>) ((List<?>) read.get("changes")).get(0)).get("path")).isEqualTo("value.amount");
    }

    @Test
    void aLargeChangedValueIsCutInTheSample() throws Exception {
        String before = "a".repeat(300_000);
        PipelineDefinition live = new DefinitionParser().parse(EXAMPLE);
        PipelineDefinition candidate = new DefinitionParser().parse(
                Files.readString(EXAMPLE).replace("config: {precision: 2}", "config: {precision: 0}"), "new.yaml", Path.of("../examples"));
        RecordDiff diff;
        try (PipelineComparison comparison = new PipelineComparison(live, candidate)) {
            diff = comparison.compare(new DiffInput("orders/0@8", "k".getBytes(StandardCharsets.UTF_8),
                    order("3.5", ",\"comment\":\"" + before + "\"").getBytes(StandardCharsets.UTF_8),
                    Map.of(), null));
        }
        // a change whose values are large: the sample keeps the change, its values cut to MAX_VALUE_CHARS
        RecordDiff large = new RecordDiff(diff.inputId(), diff.outcome(),
                List.of(new io.datapipelines.runtime.diff.FieldChange("comment", io.datapipelines.runtime.diff.FieldChange.Kind.CHANGED, before, before + "b")),
                diff.oldOutput(), diff.newOutput());
        Map<String, Object> read = ShadowDifference.parse(ShadowDifference.toJson("p", "d", large, AT), "p", "d").orElseThrow();
        Map<?, ?> change = (Map<?, ?>) ((List<?>) read.get("changes")).get(0);
        assertThat((String) change.get("old")).hasSize(ShadowDifference.MAX_VALUE_CHARS + " (300000 characters)".length() + 1)
                .endsWith("\u2026 (300000 characters)");
    }
}
