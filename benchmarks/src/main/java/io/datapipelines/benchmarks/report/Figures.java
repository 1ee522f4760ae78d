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
        return ratios(numerator, denominator, guarantee, KafkaResults.Run::recordsPerSecond);
    }

    /** {@code numerator}'s {@code figure} over {@code denominator}'s, per round in which both ran. */
    double[] ratios(String numerator, String denominator, String guarantee, ToDoubleFunction<KafkaResults.Run> figure) {
        Map<Integer, Double> below = runs(denominator, guarantee).stream()
                .collect(Collectors.toMap(KafkaResults.Run::round, figure::applyAsDouble));
        return runs(numerator, guarantee).stream().filter(r -> below.containsKey(r.round()))
                .mapToDouble(r -> figure.applyAsDouble(r) / below.get(r.round())).toArray();
    }

    /** The median of {@link #ratios}: NaN when the two never ran in the same round. */
    double medianRatio(String numerator, String denominator, String guarantee, ToDoubleFunction<KafkaResults.Run> figure) {
        return Stats.median(ratios(numerator, denominator, guarantee, figure));
    }

    /** The contender's CPU time (user + system) per source record, in microseconds. */
    static double cpuMicrosPerRecord(KafkaResults.Run run) {
        return run.cpuSeconds() / run.records() * 1e6;
    }

    /** The broker's CPU time in the run's interval per source record, in microseconds. */
    static double brokerCpuMicrosPerRecord(KafkaResults.Run run) {
        return run.brokerCpuSeconds() / run.records() * 1e6;
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
