package io.datapipelines.benchmarks.kafka;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBenchmarkTest {

    @Test
    void eachRoundStartsOnePlaceLater() {
        List<String> order = List.of("a", "b", "c", "d");
        assertThat(KafkaBenchmark.rotate(order, 1)).containsExactly("a", "b", "c", "d");
        assertThat(KafkaBenchmark.rotate(order, 2)).containsExactly("b", "c", "d", "a");
        assertThat(KafkaBenchmark.rotate(order, 5)).containsExactly("a", "b", "c", "d");
        assertThat(order).containsExactly("a", "b", "c", "d");
    }

    @Test
    void workloadsAreChosenByTheirIds() {
        KafkaBenchmark benchmark = new KafkaBenchmark();
        new CommandLine(benchmark).parseArgs("--runtime-classpath", "r", "--broker-classpath", "b", "--peer-script", "p", "--work-dir", "w",
                "--output", "o", "--workloads", "builtin,bare-streams,plain-loop,python-heavy-graalpy");
        assertThat(benchmark.workloads).containsExactly(Workload.BUILTIN, Workload.BARE_STREAMS, Workload.PLAIN_LOOP, Workload.PYTHON_HEAVY_GRAALPY);
        // every workload but the idle one (measured once per round, not a throughput run)
        assertThat(new KafkaBenchmark().workloads).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(Workload.values()).filter(w -> w != KafkaBenchmark.IDLE_WORKLOAD).toList());
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new KafkaBenchmark()).setErr(new PrintWriter(err)).execute("--runtime-classpath", "r", "--broker-classpath", "b",
                "--peer-script", "p", "--work-dir", "w", "--output", "o", "--workloads", "bare_streams");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no workload 'bare_streams'");
    }

    @Test
    void missingSettingsAreNamedNotThrown() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new KafkaBenchmark()).setErr(new PrintWriter(err)).execute("--records", "10");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required options").contains("--runtime-classpath").doesNotContain("Exception");
    }
}
