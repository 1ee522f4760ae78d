package io.datapipelines.benchmarks.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** CPU time and resident memory as read from /proc, on this very JVM. */
class ProcessProbesTest {

    @Test
    void readsThisProcesssCpuTimeAndResidentMemory() throws Exception {
        long pid = ProcessHandle.current().pid();
        double before = CpuTime.seconds(pid);
        long sum = 0;
        for (long i = 0; i < 300_000_000L; i++) {
            sum += i ^ (sum >>> 3);
        }
        assertThat(sum).isNotZero();
        assertThat(CpuTime.seconds(pid)).isGreaterThan(before);

        ResidentMemory memory = ResidentMemory.sample(pid, Duration.ofMillis(10));
        long start = System.currentTimeMillis();
        Thread.sleep(100);
        memory.stop();
        assertThat(memory.read()).isGreaterThan(10_000); // KiB: a JVM holds more than 10 MiB
        assertThat(memory.peakMiB(start - 1000, System.currentTimeMillis()).orElseThrow()).isGreaterThan(10);
        assertThat(memory.medianMiB(start - 1000, System.currentTimeMillis()).orElseThrow()).isGreaterThan(10);
        assertThat(memory.peakMiB(0, 1)).isEmpty();
    }

    @Test
    void aProcessThatHasGoneHasNoCpuTimeOrMemory() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        assertThat(CpuTime.seconds(done.pid())).isNaN();
        assertThat(ResidentMemory.sample(done.pid(), Duration.ofMillis(10)).read()).isEqualTo(-1);
    }
}
