package io.datapipelines.runtime.topology;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.local.LocalTopology;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.datapipelines.runtime.TestDefinitions.pipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RecordProgressTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final RecordProgress progress = new RecordProgress(clock::get);

    @Test
    void aRecordInProgressForLongerThanTheThresholdIsAStallUntilItFinishes() {
        assertThat(progress.stalledLongerThan(Duration.ofSeconds(1))).isEmpty();
        progress.started();
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(progress.stalledLongerThan(Duration.ofSeconds(1))).as("exactly the threshold").isEmpty();
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(progress.stalledLongerThan(Duration.ofSeconds(1))).hasValueSatisfying(stall -> {
            assertThat(stall.thread()).isEqualTo(Thread.currentThread().getName());
            assertThat(stall.inProgressFor()).isEqualTo(Duration.ofSeconds(3));
        });
        progress.finished();
        assertThat(progress.stalledLongerThan(Duration.ofSeconds(1))).isEmpty();
        clock.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(progress.stalledLongerThan(Duration.ofSeconds(1))).as("idle is not stalled").isEmpty();
    }

    @Test
    void theLongestRunningThreadIsNamedAndDeadThreadsAreForgotten() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread other = new Thread(() -> {
            progress.started();
            started.complete(null);
            release.join();
        }, "stream-thread-7");
        other.start();
        started.get(10, TimeUnit.SECONDS);
        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        progress.started();
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(progress.stalledLongerThan(Duration.ofSeconds(1))).hasValueSatisfying(stall -> {
            assertThat(stall.thread()).isEqualTo("stream-thread-7");
            assertThat(stall.inProgressFor()).isEqualTo(Duration.ofSeconds(7));
        });
        release.complete(null);
        other.join(10_000);
        // the other thread died mid-record (as a replaced stream thread does): only this thread's record counts
        assertThat(progress.stalledLongerThan(Duration.ofSeconds(1))).hasValueSatisfying(stall ->
                assertThat(stall.thread()).isEqualTo(Thread.currentThread().getName()));
        progress.finished();
    }

    @Test
    void theProcessorMarksEachRecordInProgressWhileItsStepsRun() throws Exception {
        PipelineDefinition slow = pipeline("""
                  steps:
                    - kind: Record
                      filter:
                        key: user-defined-record-filter
                        config:
                          code: |
                            import time
                            def filter(record):
                                time.sleep(record["value"]["sleep"])
                                return True
                """);
        RecordProgress real = new RecordProgress();
        try (LocalTopology topology = new LocalTopology(slow, PipelineMetrics.NONE, real)) {
            topology.send(null, "{\"sleep\":0}".getBytes(StandardCharsets.UTF_8), Map.of(), 1L); // Python started
            assertThat(real.stalledLongerThan(Duration.ofMillis(1))).isEmpty();
            CompletableFuture<LocalTopology.Result> sent = CompletableFuture.supplyAsync(
                    () -> topology.send(null, "{\"sleep\":3}".getBytes(StandardCharsets.UTF_8), Map.of(), 2L));
            await().atMost(Duration.ofSeconds(10)).until(() -> real.stalledLongerThan(Duration.ofMillis(500)).isPresent());
            assertThat(sent.get(30, TimeUnit.SECONDS).sink()).hasSize(1);
            assertThat(real.stalledLongerThan(Duration.ofMillis(1))).as("finished").isEmpty();
        }
    }
}
