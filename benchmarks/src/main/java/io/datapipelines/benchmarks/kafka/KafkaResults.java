package io.datapipelines.benchmarks.kafka;

import io.datapipelines.benchmarks.Machine;

import java.util.List;

/**
 * Everything one invocation of {@link KafkaBenchmark} measured, written as JSON for the report.
 *
 * @param quick     fewer records or rounds than the issue asks for: not for publication
 * @param commands  the exact command lines (classpaths shortened), by what they start
 * @param skipped   workloads this build could not run (a Python engine it does not have), by id: why
 * @param graalPyJvm the java and JVM flags that ran workloads with GraalPy steps (with the JIT); null: the runtime's
 *                   own JVM and flags, GraalPy interpreted
 */
public record KafkaResults(boolean quick, long records, int rounds, String started, String finished, Machine machine,
                           String peerVersions, String kafkaVersion, String loadAverageBefore, String loadAverageAfter,
                           List<String> runtimeJvmFlags, java.util.Map<String, String> commands,
                           List<Run> runs, List<Idle> idle, java.util.Map<String, String> skipped,
                           String graalPyJvm) {

    public KafkaResults {
        skipped = skipped == null ? java.util.Map.of() : java.util.Map.copyOf(skipped); // results written before it existed
    }

    /**
     * One throughput run.
     *
     * @param workload              a {@link Workload#id()}
     * @param seconds               first record read to every offset committed
     * @param startupSeconds        process forked to first record read
     * @param peakRssMiB            the largest VmRSS sampled (every 100 ms) from the fork to the last commit
     * @param cpuSeconds            CPU time the contender used from its first record to the last commit
     * @param brokerCpuSeconds      CPU time the broker used in that interval
     * @param loadAverage           the machine's 1-minute load average at the end of the run
     * @param halfSeconds           first record read to half the records committed (NaN in results written before it)
     * @param laterHalfRecordsPerSecond records/s over the later half of the records: the steady state once a JIT has warmed
     *                              up (NaN in results written before it, or with fewer than two commits in that half)
     */
    public record Run(String workload, String guarantee, int round, long records, double seconds, double recordsPerSecond,
                      double startupSeconds, double peakRssMiB, double cpuSeconds, double brokerCpuSeconds,
                      long recordsOut, long deadLettered, double loadAverage, double halfSeconds, double laterHalfRecordsPerSecond) {
    }

    /**
     * One idle measurement: the runtime RUNNING, its partitions assigned, with nothing to read.
     *
     * @param readySeconds process forked to /readyz answering 200
     * @param rssMiB       the median VmRSS over 5 s, from 10 s after it was ready
     */
    public record Idle(String workload, String guarantee, int round, double readySeconds, double rssMiB) {
    }
}
