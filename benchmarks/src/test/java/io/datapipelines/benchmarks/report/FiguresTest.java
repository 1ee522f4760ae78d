package io.datapipelines.benchmarks.report;

import io.datapipelines.benchmarks.Machine;
import io.datapipelines.benchmarks.kafka.KafkaResults;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

    private static KafkaResults.Run run(String workload, int round, double perSecond) {
        return new KafkaResults.Run(workload, "exactly-once", round, 100, 100 / perSecond, perSecond, 1, 100, 1, 1, 100, 0, 1.5, Double.NaN, Double.NaN);
    }

    @Test
    void ratiosAreTakenRoundByRoundBeforeTheMedian() {
        // round 3 of the peer is missing: its python run has no partner and is left out
        Figures f = new Figures(new KafkaResults(false, 100, 3, "a", "b", new Machine("c", 2, "m", "j", "k", "o"), "p", "4.3.1", "", "",
                List.of(), Map.of(), List.of(run("python", 1, 100), run("peer", 1, 50), run("python", 2, 300), run("peer", 2, 100),
                run("python", 3, 1000)), List.of(), Map.of(), null));
        assertThat(f.throughputRatios("python", "peer", "exactly-once")).containsExactly(2.0, 3.0);
        assertThat(f.medianThroughputRatio("python", "peer", "exactly-once")).isEqualTo(2.5);
        // not the ratio of the medians (300 / 75 = 4)
        assertThat(f.median("python", "exactly-once", KafkaResults.Run::recordsPerSecond)).isEqualTo(300);
        assertThat(f.has("python", "at-least-once")).isFalse();
    }
}
