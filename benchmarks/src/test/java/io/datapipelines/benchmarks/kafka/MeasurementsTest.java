package io.datapipelines.benchmarks.kafka;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run counts only when its contender did all the work: the check every contender's counts go through. */
class MeasurementsTest {
    private static final SourceTopic SOURCE = new SourceTopic("orders", 1000, Map.of());
    private static final Path DIR = Path.of("runs/1");

    @ParameterizedTest
    @EnumSource(value = Workload.class, names = {"BARE_STREAMS", "PLAIN_LOOP", "PEER", "BUILTIN_HEAVY", "PYTHON_HEAVY_GRAALPY"})
    void everyRecordReadOnceAndWrittenOnce(Workload workload) {
        assertThatCode(() -> Measurements.check(SOURCE, workload, "exactly-once", new Contender.Counts(1000, 1000, 0, 143), DIR))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Measurements.check(SOURCE, workload, "exactly-once", new Contender.Counts(1000, 999, 0, 143), DIR))
                .hasMessageContaining(workload.id() + " exactly-once did not do the expected work")
                .hasMessageContaining("wrote 999 (expected 1000)");
        assertThatThrownBy(() -> Measurements.check(SOURCE, workload, "at-least-once", new Contender.Counts(1001, 1001, 0, 0), DIR))
                .hasMessageContaining("read 1001 (expected 1000)");
        assertThatThrownBy(() -> Measurements.check(SOURCE, workload, "at-least-once", new Contender.Counts(1000, 1000, 0, 1), DIR))
                .hasMessageContaining("exit code 1");
    }

    @ParameterizedTest
    @EnumSource(value = Workload.class, names = {"BARE_STREAMS", "PLAIN_LOOP"})
    void theJavaContendersRunWithTheRuntimesJvmFlagsAndThePeersOptions(Workload workload) {
        var command = LoopContender.javaCommand(RuntimeContender.JVM_FLAGS, "cp", workload == Workload.BARE_STREAMS
                ? ContenderLauncher.BARE_STREAMS_MAIN : ContenderLauncher.PLAIN_LOOP_MAIN, "localhost:1", "orders", "out", "g", "at-least-once", DIR);
        org.assertj.core.api.Assertions.assertThat(command).containsSubsequence(RuntimeContender.JVM_FLAGS)
                .containsSequence("--guarantee", "at-least-once", "--commit-interval-ms", RuntimeContender.AT_LEAST_ONCE_COMMIT_INTERVAL_MS);
        var peer = LoopContender.peerCommand("python3", Path.of("loop.py"), "localhost:1", "orders", "out", "g", "at-least-once");
        org.assertj.core.api.Assertions.assertThat(command.subList(command.indexOf("--bootstrap-server"), command.indexOf("--state-dir")))
                .isEqualTo(peer.subList(2, peer.size()));
    }
}
