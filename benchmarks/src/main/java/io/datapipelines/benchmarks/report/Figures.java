package io.datapipelines.benchmarks.report;

import io.datapipelines.benchmarks.Stats;
import io.datapipelines.benchmarks.kafka.KafkaResults;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The figures the report gives, from one invocation's results: medians over rounds, and ratios taken
 * round by round (the two runs of a ratio ran minutes apart in the same round) and then their median.
 */
final class Figures {
    private final KafkaResults results;

    Figures(KafkaResults results) {
        this.results = results;
    }

    KafkaResults results() {
        return results;
    }

    List<KafkaResults.Run> runs(String workload, String guarantee) {
        return results.runs().stream().filter(r -> r.workload().equals(workload) && r.guarantee().equals(guarantee)).toList();
    }

    boolean has(String workload, String guarantee) {
        return !runs(workload, guarantee).isEmpty();
    }

    double median(String workload, String guarantee, ToDoubleFunction<KafkaResults.Run> figure) {
        return Stats.median(runs(workload, guarantee).stream().mapToDouble(figure).toArray());
    }

    double min(String workload, String guarantee, ToDoubleFunction<KafkaResults.Run> figure) {
        return runs(workload, guarantee).stream().mapToDouble(figure).min().orElse(Double.NaN);
    }

    double max(String workload, String guarantee, ToDoubleFunction<KafkaResults.Run> figure) {
        return runs(workload, guarantee).stream().mapToDouble(figure).max().orElse(Double.NaN);
    }

    /** {@code numerator}'s throughput over {@code denominator}'s, per round in which both ran. */
    double[] throughputRatios(String numerator, String denominator, String guarantee) {
        Map<Integer, Double> below = runs(denominator, guarantee).stream()
                .collect(Collectors.toMap(KafkaResults.Run::round, KafkaResults.Run::recordsPerSecond));
        return runs(numerator, guarantee).stream().filter(r -> below.containsKey(r.round()))
                .mapToDouble(r -> r.recordsPerSecond() / below.get(r.round())).toArray();
    }

    double medianThroughputRatio(String numerator, String denominator, String guarantee) {
        return Stats.median(throughputRatios(numerator, denominator, guarantee));
    }

    double idleRssMedian() {
        return Stats.median(results.idle().stream().mapToDouble(KafkaResults.Idle::rssMiB).toArray());
    }

    double idleReadyMedian() {
        return Stats.median(results.idle().stream().mapToDouble(KafkaResults.Idle::readySeconds).toArray());
    }
}
