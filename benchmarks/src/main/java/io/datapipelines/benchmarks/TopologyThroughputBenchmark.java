package io.datapipelines.benchmarks;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.PipelineDefinition;
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
 * Records per second through a pipeline's real topology (Kafka Streams' TopologyTestDriver: decode,
 * steps, encode, forward), for a 200-byte JSON record, with the same field transform done by the
 * built-in {@code uppercase} and by Python. The ratio python/builtin is the figure of interest.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class TopologyThroughputBenchmark {

    /** A 200-byte order record. */
    static final byte[] RECORD = ("{\"id\":\"o-000123\",\"customer\":\"ada lovelace\",\"email\":\"ada@example.com\","
            + "\"country\":\"DE\",\"amount\":1234.5,\"currency\":\"EUR\",\"status\":\"paid\",\"items\":3,"
            + "\"note\":\"leave it at the door, please\",\"ts\":1764230400000}").getBytes(StandardCharsets.UTF_8);

    static String definition(String transform) {
        return "apiVersion: datapipelines/v1\nkind: DataPipeline\nmetadata: {name: bench}\nspec:\n"
                + "  source: {topic: in}\n  sink: {topic: out}\n  processing: {guarantee: at-least-once" + ENGINES.get(transform) + "}\n  steps:\n"
                + STEPS.get(transform);
    }

    static final String PYTHON_UPPERCASE = "    - kind: Field\n      fields:\n        customer:\n          transform:\n"
            + "            key: user-defined-transformation\n            config:\n              code: |\n"
            + "                def transform(value, row):\n                    return value.upper()\n";

    /** The steps; each Python one names its engine in spec.processing (GraalPy is also the default). */
    static final Map<String, String> STEPS = Map.of(
            "builtin", "    - kind: Field\n      fields:\n        customer: {transform: {key: uppercase}}\n",
            "python", PYTHON_UPPERCASE,
            "python-jython", PYTHON_UPPERCASE);

    static final Map<String, String> ENGINES = Map.of("builtin", "", "python", ", python: {engine: graalpy}", "python-jython", ", python: {engine: jython}");

    @Param({"builtin", "python", "python-jython"})
    public String transform;

    private LocalTopology topology;
    private final byte[] key = "o-000123".getBytes(StandardCharsets.UTF_8);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        PipelineDefinition definition = new DefinitionParser().parse(definition(transform), "bench.yaml", null);
        topology = new LocalTopology(definition, PipelineMetrics.NONE);
        if (topology.send(key, RECORD, Map.of(), null).sink().size() != 1) {
            throw new IllegalStateException("the benchmark pipeline does not produce a record");
        }
    }

    @Benchmark
    public Object uppercaseOneField() {
        return topology.send(key, RECORD, Map.of(), null);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        topology.close();
    }
}
