package io.datapipelines.runtime.shadow;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.diff.DiffInput;
import io.datapipelines.runtime.diff.DiffReport;
import io.datapipelines.runtime.diff.DiffThresholds;
import io.datapipelines.runtime.diff.PipelineComparison;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The summary record's one format: what the shadow writes is what deploy --shadow reads. */
class ShadowSummaryTest {
    private static final Path EXAMPLE = Path.of("../examples/orders-cleanup.yaml");

    @Test
    void aSummaryReadsBackWithItsCountsAndVerdict() throws Exception {
        PipelineDefinition live = new DefinitionParser().parse(EXAMPLE);
        PipelineDefinition candidate = new DefinitionParser().parse(
                Files.readString(EXAMPLE).replace("config: {precision: 2}", "config: {precision: 0}"), "new.yaml", Path.of("../examples"));
        DiffReport report;
        try (PipelineComparison comparison = new PipelineComparison(live, candidate)) {
            for (String amount : new String[] {"1.25", "2", "3.5", "4"}) {
                comparison.compare(new DiffInput("orders/0@" + amount, "k".getBytes(StandardCharsets.UTF_8),
                        ("{\"amount\": " + amount + ", \"status\": \"PAID\", \"country\": \"DE\"}").getBytes(StandardCharsets.UTF_8), Map.of(), null));
            }
            report = comparison.report();
        }
        Instant at = Instant.parse("2026-12-05T12:00:00Z");
        String json = ShadowSummary.toJson("orders-cleanup", "prod", report, DiffThresholds.NONE_ALLOWED, true, at);
        ShadowSummary summary = ShadowSummary.parse(json).orElseThrow();
        assertThat(summary.pipeline()).isEqualTo("orders-cleanup");
        assertThat(summary.deployment()).isEqualTo("prod");
        assertThat(summary.at()).isEqualTo(at);
        assertThat(summary.last()).isTrue();
        assertThat(summary.total()).isEqualTo(report.total()).isPositive();
        assertThat(summary.changed()).isEqualTo(report.changedCount());
        assertThat(summary.changedRate()).isEqualTo(report.changedRate());
        assertThat(summary.violations()).isEqualTo(DiffThresholds.NONE_ALLOWED.violations(report));
        assertThat(summary.body()).containsKeys("counts", "rates", "consumers", "verdict").doesNotContainKey("records");
    }

    @Test
    void differencesAreNotSummariesAndBrokenSummariesSaySo() {
        assertThat(ShadowSummary.parse("{\"type\": \"difference\", \"outcome\": \"changed\"}")).isEmpty();
        assertThatThrownBy(() -> ShadowSummary.parse("{\"type\": \"summary\", \"total\": \"many\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a summary without its fields");
        assertThatThrownBy(() -> ShadowSummary.parse("{not json")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not JSON");
    }
}
