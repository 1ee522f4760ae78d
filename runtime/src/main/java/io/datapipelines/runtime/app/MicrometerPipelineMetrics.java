package io.datapipelines.runtime.app;

import io.datapipelines.runtime.topology.PipelineMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/** The pipeline's own counters as Micrometer meters, named {@code datapipelines_*} in Prometheus. */
public final class MicrometerPipelineMetrics implements PipelineMetrics {
    private final MeterRegistry registry;
    private final Counter in;
    private final Counter out;
    private final Counter filtered;
    private final Counter deadLettered;
    private final Counter skipped;
    private final Timer python;

    public MicrometerPipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.in = Counter.builder("datapipelines.records.in").description("Records read from the source topics").register(registry);
        this.out = Counter.builder("datapipelines.records.out").description("Records written to the sink topic").register(registry);
        this.filtered = Counter.builder("datapipelines.records.filtered").description("Input records that gave no output").register(registry);
        this.deadLettered = Counter.builder("datapipelines.records.dead.lettered").description("Records written to the dead-letter topic").register(registry);
        this.skipped = Counter.builder("datapipelines.records.skipped").description("Failed records dropped (errors.mode skip)").register(registry);
        this.python = Timer.builder("datapipelines.python").description("Time spent in user Python code").register(registry);
    }

    @Override
    public void recordIn() {
        in.increment();
    }

    @Override
    public void recordsOut(int count) {
        out.increment(count);
    }

    @Override
    public void filtered() {
        filtered.increment();
    }

    @Override
    public void recordError(String step, String errorClass) {
        Counter.builder("datapipelines.record.errors").description("Record errors by step and error class")
                .tag("step", step).tag("error", errorClass).register(registry).increment();
    }

    @Override
    public void deadLettered() {
        deadLettered.increment();
    }

    @Override
    public void skipped() {
        skipped.increment();
    }

    @Override
    public void timeInPython(long nanos) {
        python.record(nanos, TimeUnit.NANOSECONDS);
    }
}
