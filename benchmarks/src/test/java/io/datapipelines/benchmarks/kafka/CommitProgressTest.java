package io.datapipelines.benchmarks.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The steady-state rate is taken between two commits: the first at or past half the records, and the last. */
class CommitProgressTest {
    @Test
    void ratesTheLaterHalfBetweenItsCommitsAndLeavesTheWarmUpOut() {
        CommitProgress progress = new CommitProgress();
        progress.add(0, 0);
        progress.add(50, 0);          // repeated polls of one commit count once
        progress.add(10_000, 100);    // a slow start: 100 records in 10 s
        progress.add(11_000, 600);    // the first commit past half of 1,000
        progress.add(11_050, 600);
        progress.add(12_000, 1_000);  // then 400 records in 1 s
        assertThat(progress.millisAt(500)).isEqualTo(11_000);
        assertThat(progress.laterHalfRecordsPerSecond(1_000)).isEqualTo(400.0);
        assertThat(progress.millisAt(1_001)).isEqualTo(-1);
    }

    @Test
    void saysNotMeasuredWhenOneCommitCoversTheWholeLaterHalf() {
        CommitProgress progress = new CommitProgress();
        progress.add(0, 0);
        progress.add(1_000, 1_000);
        assertThat(progress.laterHalfRecordsPerSecond(1_000)).isNaN();
        assertThat(new CommitProgress().laterHalfRecordsPerSecond(10)).isNaN();
    }
}
