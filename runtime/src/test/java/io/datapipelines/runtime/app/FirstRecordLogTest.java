package io.datapipelines.runtime.app;

import io.datapipelines.runtime.topology.PipelineCounters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FirstRecordLogTest {

    @Test
    void reportsTheFirstRecordOnceAndPassesEveryCountOn() {
        PipelineCounters counters = new PipelineCounters();
        List<Long> reports = new ArrayList<>();
        FirstRecordLog metrics = new FirstRecordLog(counters, reports::add);

        metrics.recordIn();
        metrics.recordsOut(2);
        metrics.recordIn();
        metrics.filtered();
        metrics.recordIn();
        metrics.recordError("steps[0]", "TypeError");
        metrics.deadLettered();
        metrics.skipped();

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).isPositive();
        assertThat(counters.inCount()).isEqualTo(3);
        assertThat(counters.outCount()).isEqualTo(2);
        assertThat(counters.filteredCount()).isEqualTo(1);
        assertThat(counters.errorCount()).isEqualTo(1);
        assertThat(counters.deadLetteredCount()).isEqualTo(1);
        assertThat(counters.skippedCount()).isEqualTo(1);
    }

    @Test
    void reportsNothingBeforeARecordIsRead() {
        List<Long> reports = new ArrayList<>();
        FirstRecordLog metrics = new FirstRecordLog(new PipelineCounters(), reports::add);
        metrics.recordsOut(1);
        metrics.filtered();
        assertThat(reports).isEmpty();
    }
}
