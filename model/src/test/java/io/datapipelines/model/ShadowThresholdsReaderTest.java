package io.datapipelines.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code spec.deployment.shadow}: read, defaulted, validated at FILE:LINE:COL, and in the canonical form only when set. */
class ShadowThresholdsReaderTest {
    private static final String BASE = "apiVersion: datapipelines/v1\nkind: DataPipeline\nmetadata: {name: p}\nspec:\n"
            + "  source: {topic: in}\n  sink: {topic: out}\n";

    private static PipelineDefinition parse(String text) throws Exception {
        return new DefinitionParser(null).parse(text, "p.yaml", null);
    }

    @Test
    void readsEveryThreshold() throws Exception {
        PipelineDefinition d = parse(BASE + "  deployment:\n    shadow: {records: 500, timeout: 2m30s, maxChangedRate: 0.01, maxNewDeadLetterRate: 0}\n");
        assertThat(d.spec().deployment().shadow()).isEqualTo(new ShadowThresholds(500, Duration.ofSeconds(150), 0.01, 0.0));
        assertThat(d.spec().deployment().shadowThresholds()).isEqualTo(d.spec().deployment().shadow());
    }

    @Test
    void missingKeysTakeTheDefaults() throws Exception {
        PipelineDefinition d = parse(BASE + "  deployment:\n    shadow: {records: 20}\n");
        assertThat(d.spec().deployment().shadow()).isEqualTo(ShadowThresholds.DEFAULTS.withRecords(20));
        PipelineDefinition none = parse(BASE);
        assertThat(none.spec().deployment().shadow()).isNull();
        assertThat(none.spec().deployment().shadowThresholds()).isEqualTo(new ShadowThresholds(10_000, Duration.ofMinutes(15), 0.0, 0.001));
    }

    @Test
    void badThresholdsAreReportedWhereTheyAre() {
        String text = BASE + "  deployment:\n    shadow:\n      records: 0\n      timeout: soon\n      maxChangedRate: 1.5\n"
                + "      maxNewDeadLetterRate: lots\n      maxChanged: 0\n";
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
                        .containsExactly(
                                "p.yaml:9:16: spec.deployment.shadow.records: must be between 1 and 1000000000, not 0",
                                "p.yaml:10:16: spec.deployment.shadow.timeout: 'soon' is not a duration (such as 90s, 5m, 1h30m or PT5M)",
                                "p.yaml:11:23: spec.deployment.shadow.maxChangedRate: must be a rate between 0 and 1 (such as 0.001), not 1.5",
                                "p.yaml:12:29: spec.deployment.shadow.maxNewDeadLetterRate: must be a rate between 0 and 1 (such as 0.001), not a string",
                                "p.yaml:13:7: spec.deployment.shadow.maxChanged: unknown key; did you mean 'maxChangedRate'?"));
    }

    @Test
    void aTimeoutIsWholeSecondsUpToADay() {
        assertThatThrownBy(() -> parse(BASE + "  deployment:\n    shadow: {timeout: 25h}\n"))
                .hasMessageContaining("spec.deployment.shadow.timeout: must be whole seconds between 1s and 24h, not 25h");
        assertThatThrownBy(() -> parse(BASE + "  deployment:\n    shadow: {timeout: PT0.5S}\n"))
                .hasMessageContaining("spec.deployment.shadow.timeout: must be whole seconds");
    }

    @Test
    void theCanonicalFormCarriesTheThresholdsOnlyWhenSetAndParsesBack() throws Exception {
        PipelineDefinition plain = parse(BASE);
        assertThat(CanonicalForm.json(plain)).doesNotContain("shadow");
        PipelineDefinition set = parse(BASE + "  deployment:\n    shadow: {records: 500, timeout: 1h30m, maxChangedRate: 0.25}\n");
        String canonical = CanonicalForm.json(set);
        assertThat(canonical).contains("\"shadow\":{\"maxChangedRate\":0.25,\"maxNewDeadLetterRate\":0.001,\"records\":500,\"timeout\":\"1h30m\"}");
        PipelineDefinition again = new DefinitionParser(null).parse(canonical, "recorded.json", null);
        assertThat(CanonicalForm.json(again)).isEqualTo(canonical);
        assertThat(again.spec().deployment().shadow()).isEqualTo(set.spec().deployment().shadow());
        assertThat(CanonicalForm.revisionHash(set)).isNotEqualTo(CanonicalForm.revisionHash(plain));
    }
}
