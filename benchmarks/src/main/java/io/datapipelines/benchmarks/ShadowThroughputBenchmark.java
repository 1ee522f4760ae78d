package io.datapipelines.benchmarks;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.diff.DiffInput;
import io.datapipelines.runtime.diff.Outcome;
import io.datapipelines.runtime.diff.PipelineComparison;
import io.datapipelines.runtime.local.LocalTopology;
import io.datapipelines.runtime.topology.PipelineMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shadow's per-record work against the plain pipeline's, topology only (no broker): {@code plain} sends
 * a record through one revision's topology, {@code shadow} through the live and the candidate revision
 * and compares them ({@link PipelineComparison}), as the shadow mode does for every source record. With
 * {@code candidate=rounding} the candidate rounds differently, so every record is a field-level change
 * (the costlier path); with {@code same} every record is unchanged. The ratio shadow/plain is the figure
 * of interest (issue 15's goal: at least 0.45).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ShadowThroughputBenchmark {

    static final String STEPS = "    - kind: Field\n      fields:\n        customer: {transform: {key: uppercase}}\n"
            + "        amount: {transform: {key: round, config: {precision: %d}}}\n"
            + "        email: {transform: {key: hash, config: {algorithm: sha256}}}\n";

    @Param({"rounding", "same"})
    public String candidate;

    private LocalTopology plain;
    private PipelineComparison comparison;
    private final byte[] key = "o-000123".getBytes(StandardCharsets.UTF_8);
    private final DiffInput input = new DiffInput("bench", key, TopologyThroughputBenchmark.RECORD, Map.of(), null);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        PipelineDefinition live = parse(2);
        boolean rounding = candidate.equals("rounding");
        plain = new LocalTopology(live, PipelineMetrics.NONE);
        comparison = new PipelineComparison(live, parse(rounding ? 0 : 2), 0);
        if (comparison.compare(input).outcome() != (rounding ? Outcome.CHANGED : Outcome.UNCHANGED)) {
            throw new IllegalStateException("the benchmark revisions do not compare as intended");
        }
    }

    private static PipelineDefinition parse(int precision) throws Exception {
        return new DefinitionParser().parse(TopologyThroughputBenchmark.definition("builtin").replace(TopologyThroughputBenchmark.STEPS.get("builtin"), STEPS.formatted(precision)), "bench.yaml", null);
    }

    @Benchmark
    public Object plain() {
        return plain.send(key, TopologyThroughputBenchmark.RECORD, Map.of(), null);
    }

    @Benchmark
    public Object shadow() {
        return comparison.compare(input);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        plain.close();
        comparison.close();
    }
}
