package io.datapipelines.runtime.topology;

import io.datapipelines.model.FunctionRef;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.TestDefinitions;
import io.datapipelines.runtime.python.PythonTask;
import io.datapipelines.runtime.step.CompiledPipeline;
import io.datapipelines.runtime.step.FieldFilter;
import io.datapipelines.runtime.step.FieldTransform;
import io.datapipelines.runtime.step.RecordFilter;
import io.datapipelines.runtime.step.RecordTransform;
import io.datapipelines.runtime.step.StepStartupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The steps loaded before Kafka Streams starts go to the first stream task, once, and are closed by whoever holds them last. */
class PreloadedStepsTest {
    private static final PipelineDefinition PYTHON = pythonStep("""
            def transform(value, row):
                return "from its own task"
            """);

    /** A pipeline of one Python field transform of {@code name} with this code. */
    private static PipelineDefinition pythonStep(String code) {
        return TestDefinitions.steps("""
                  - kind: Field
                    fields:
                      name:
                        transform:
                          key: user-defined-transformation
                          config:
                            code: |
                """ + code.indent(16));
    }

    /** A task whose every field transform says it came from here, and which counts its closes. */
    private static final class MarkedTask implements PythonTask {
        int closes;

        @Override
        public FieldFilter fieldFilter(FunctionRef ref) {
            return (value, row) -> true;
        }

        @Override
        public FieldTransform fieldTransform(FunctionRef ref) {
            return (value, row) -> "from the preloaded task";
        }

        @Override
        public RecordFilter recordFilter(FunctionRef ref) {
            return record -> true;
        }

        @Override
        public RecordTransform recordTransform(FunctionRef ref) {
            return java.util.List::of;
        }

        @Override
        public long nanosInPython() {
            return 0;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    private static String run(PipelineProcessor processor) {
        MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
        processor.init(context);
        context.setRecordMetadata("in", 0, 0);
        processor.process(new Record<>(null, "{\"name\":\"ada\"}".getBytes(StandardCharsets.UTF_8), 0L, new RecordHeaders()));
        return new String(context.forwarded().get(0).record().value(), StandardCharsets.UTF_8);
    }

    @Test
    void theFirstStreamTaskTakesThePreloadedStepsAndTheNextLoadsItsOwn() {
        MarkedTask marked = new MarkedTask();
        PreloadedSteps preloaded = new PreloadedSteps(new PreloadedSteps.Loaded(marked, CompiledPipeline.compile(PYTHON, marked)));
        PipelineProcessor first = new PipelineProcessor(PYTHON, PipelineMetrics.NONE, new RecordProgress(), preloaded);
        PipelineProcessor second = new PipelineProcessor(PYTHON, PipelineMetrics.NONE, new RecordProgress(), preloaded);
        try {
            assertThat(run(first)).isEqualTo("{\"name\":\"from the preloaded task\"}");
            assertThat(run(second)).isEqualTo("{\"name\":\"from its own task\"}");
        } finally {
            second.close();
        }
        preloaded.close(); // taken: not the runner's to close any more
        assertThat(marked.closes).isZero();
        first.close();
        assertThat(marked.closes).isOne();
    }

    @Test
    void stepsNobodyTookAreClosedWithThePreloadedSteps() {
        MarkedTask marked = new MarkedTask();
        PreloadedSteps preloaded = new PreloadedSteps(new PreloadedSteps.Loaded(marked, CompiledPipeline.compile(PYTHON, marked)));
        preloaded.close();
        preloaded.close();
        assertThat(marked.closes).isOne();
        assertThat(preloaded.take()).isNull();
    }

    @Test
    void loadingReportsAStepThatCannotLoadAndKeepsNothingInTheForegroundOrInTheBackground() {
        PipelineDefinition broken = pythonStep("""
                raise ValueError("no")
                def transform(value, row):
                    return value
                """);
        assertThatThrownBy(() -> PreloadedSteps.load(broken)).isInstanceOf(StepStartupException.class).hasMessageContaining("ValueError");
        try (PreloadedSteps loading = PreloadedSteps.loadInBackground(broken)) {
            assertThatThrownBy(loading::awaitLoaded).isInstanceOf(StepStartupException.class).hasMessageContaining("ValueError");
            assertThat(loading.take()).isNull(); // a stream task then loads its own, and fails as the load did
        }
        try (PreloadedSteps loading = PreloadedSteps.loadInBackground(PYTHON)) {
            loading.awaitLoaded();
            assertThat(run(new PipelineProcessor(PYTHON, PipelineMetrics.NONE, new RecordProgress(), loading))).isEqualTo("{\"name\":\"from its own task\"}");
            assertThat(loading.take()).isNull();
        }
    }

    @Test
    void aTaskStartedWhileTheStepsStillLoadTakesThemAtItsFirstRecord() {
        MarkedTask marked = new MarkedTask();
        java.util.concurrent.CompletableFuture<PreloadedSteps.Loaded> loading = new java.util.concurrent.CompletableFuture<>();
        PreloadedSteps preloaded = new PreloadedSteps(loading, true);
        PipelineProcessor first = new PipelineProcessor(PYTHON, PipelineMetrics.NONE, new RecordProgress(), preloaded);
        MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
        first.init(context); // the runner holds processing meanwhile: the task must not load steps of its own
        assertThat(preloaded.loading()).isTrue();
        assertThat(preloaded.whenLoaded()).isNotDone();
        loading.complete(new PreloadedSteps.Loaded(marked, CompiledPipeline.compile(PYTHON, marked)));
        assertThat(preloaded.whenLoaded()).isCompleted();
        context.setRecordMetadata("in", 0, 0);
        first.process(new Record<>(null, "{\"name\":\"ada\"}".getBytes(StandardCharsets.UTF_8), 0L, new RecordHeaders()));
        assertThat(new String(context.forwarded().get(0).record().value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"name\":\"from the preloaded task\"}");
        first.close();
        assertThat(marked.closes).isOne();
    }

    @Test
    void aTaskStartedAfterTheLoadFailedLoadsNothingOfItsOwnAndItsFirstRecordSaysWhy() {
        java.util.concurrent.CompletableFuture<PreloadedSteps.Loaded> loading = new java.util.concurrent.CompletableFuture<>();
        PreloadedSteps preloaded = new PreloadedSteps(loading, true);
        loading.completeExceptionally(new StepStartupException("spec.steps[0].fields.name.transform", new io.datapipelines.runtime.step.RecordError("ValueError", "no")));
        assertThat(preloaded.whenLoaded()).isCompletedExceptionally();
        PipelineProcessor processor = new PipelineProcessor(PYTHON, PipelineMetrics.NONE, new RecordProgress(), preloaded);
        MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
        processor.init(context); // no second context, no error logged by Kafka Streams: the runner is closed instead
        context.setRecordMetadata("in", 0, 0);
        assertThatThrownBy(() -> processor.process(new Record<>(null, "{}".getBytes(StandardCharsets.UTF_8), 0L, new RecordHeaders())))
                .isInstanceOf(StepStartupException.class).hasMessage("ValueError: no");
        assertThat(context.forwarded()).isEmpty();
        processor.close();
    }

    @Test
    void inTheRuntimeTheTasksAfterTheFirstLoadTheirStepsInTheBackgroundFromTheirStart() {
        MarkedTask marked = new MarkedTask();
        PreloadedSteps preloaded = new PreloadedSteps(java.util.concurrent.CompletableFuture.completedFuture(
                new PreloadedSteps.Loaded(marked, CompiledPipeline.compile(PYTHON, marked))), true);
        PipelineProcessor first = new PipelineProcessor(PYTHON, PipelineMetrics.NONE, new RecordProgress(), preloaded);
        PipelineProcessor second = new PipelineProcessor(PYTHON, PipelineMetrics.NONE, new RecordProgress(), preloaded);
        PipelineProcessor third = new PipelineProcessor(PYTHON, PipelineMetrics.NONE, new RecordProgress(), preloaded);
        try {
            assertThat(run(first)).isEqualTo("{\"name\":\"from the preloaded task\"}");
            java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
            second.init(new MockProcessorContext<>());
            assertThat(Thread.getAllStackTraces().keySet()).as("a load of the second task's own, started by its init (a context takes 100s of ms)")
                    .anyMatch(t -> !before.contains(t) && t.getName().equals("datapipelines-load-steps"));
            assertThat(run(second)).isEqualTo("{\"name\":\"from its own task\"}");
            third.init(new MockProcessorContext<>());
        } finally {
            first.close();
            second.close();
            third.close(); // never took its steps: they are closed once loaded
        }
        assertThat(marked.closes).isOne();
    }

    @Test
    void whoeverAFutureOfTheLoadWakesSeesHowItEnded() {
        // the runtime's main thread wakes on one such future while others (one completing only on failure) may not
        // have run yet: it must read the outcome from the load itself
        java.util.concurrent.CompletableFuture<PreloadedSteps.Loaded> loading = new java.util.concurrent.CompletableFuture<>();
        PreloadedSteps preloaded = new PreloadedSteps(loading, true);
        java.util.List<Boolean> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            preloaded.whenLoaded().whenComplete((ignored, e) -> seen.add(preloaded.failed() && !preloaded.loadedWell() && !preloaded.loading()));
        }
        assertThat(preloaded.failed()).isFalse();
        loading.completeExceptionally(new StepStartupException("spec.steps[0].fields.name.transform",
                new io.datapipelines.runtime.step.RecordError("ValueError", "no")));
        assertThat(seen).containsExactly(true, true, true);
    }
}
