package io.datapipelines.runtime.topology;

import io.datapipelines.model.ErrorMode;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.codec.RecordCodec;
import io.datapipelines.runtime.python.PythonEngines;
import io.datapipelines.runtime.python.PythonTask;
import io.datapipelines.runtime.step.CompiledPipeline;
import io.datapipelines.runtime.step.PipelineRecord;
import io.datapipelines.runtime.step.RecordError;
import io.datapipelines.runtime.step.StepFailure;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a pipeline's steps on each record of one stream task. Each task has its own compiled pipeline
 * and Python environment (created in {@link #init}; in the runtime loaded in the background from there, taken at
 * the first record; closed in {@link #close}), so tasks never share interpreter state.
 *
 * <p>An input record either gives all its sink records or, if anything fails (decoding, a step, or
 * encoding an output), only its dead letter: outputs are encoded before any is forwarded. Whatever is
 * thrown while doing so, a {@link RecordError} or not (a bug, a StackOverflowError on a hostile value), is
 * that record's error ({@link RecordFailures}): under dead-letter and skip modes no record can stop the
 * pipeline. Only forwarding, which is Kafka's part, may throw out of {@link #process}.
 */
final class PipelineProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineProcessor.class);

    private final PipelineDefinition definition;
    private final PipelineMetrics metrics;
    private final RecordCodec sourceKeys;
    private final RecordCodec sourceValues;
    private final RecordCodec sinkKeys;
    private final RecordCodec sinkValues;
    private final ErrorMode errorMode;
    private final RecordProgress progress;
    private final PreloadedSteps preloaded;

    private ProcessorContext<byte[], byte[]> context;
    private PythonTask python;
    private CompiledPipeline pipeline;
    /** The steps this task takes at its first record, while they load ({@link #init}); null once taken. */
    private PreloadedSteps steps;

    PipelineProcessor(PipelineDefinition definition, PipelineMetrics metrics, RecordProgress progress) {
        this(definition, metrics, progress, PreloadedSteps.none());
    }

    /** @param preloaded steps loaded before Kafka Streams started, which the first processor to start takes over */
    PipelineProcessor(PipelineDefinition definition, PipelineMetrics metrics, RecordProgress progress, PreloadedSteps preloaded) {
        this.definition = definition;
        this.preloaded = preloaded;
        this.metrics = metrics;
        this.progress = progress;
        this.sourceKeys = RecordCodec.of(definition.spec().source().keyFormat());
        this.sourceValues = RecordCodec.of(definition.spec().source().format());
        this.sinkKeys = RecordCodec.of(definition.spec().sink().keyFormat());
        this.sinkValues = RecordCodec.of(definition.spec().sink().format());
        this.errorMode = definition.spec().errors().mode();
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        if (!preloaded.loadedWell()) {
            // the steps still load (or could not): the runner holds processing until they have loaded
            // (PipelineRunner#start), and the first record takes them; a load that failed stops the pipeline before that
            steps = preloaded;
        } else if (!take(preloaded)) {
            if (preloaded.inBackground()) {
                // a task after the first, in the runtime: its steps load on a thread of their own while the task
                // that has its steps processes (a GraalPy context takes a second or more); its first record waits
                steps = PreloadedSteps.loadInBackground(definition);
            } else {
                loadOwnSteps();
            }
        }
    }

    /** Takes these steps once they have loaded, if nobody has; false if somebody has. */
    private boolean take(PreloadedSteps from) {
        from.awaitLoaded();
        PreloadedSteps.Loaded loaded = from.take();
        if (loaded == null) {
            return false;
        }
        this.python = loaded.python();
        this.pipeline = loaded.pipeline();
        return true;
    }

    /** At the first record: the steps that were loading at {@link #init}, or (if another task took them) its own. */
    private void takeSteps() {
        PreloadedSteps from = steps;
        steps = null;
        if (!take(from)) {
            loadOwnSteps();
        }
    }

    /** Loads the steps into a Python task of this processor's own. */
    private void loadOwnSteps() {
        this.python = CompiledPipeline.usesPython(definition) ? PythonEngines.newTask(definition.spec().processing().python()) : null;
        try {
            this.pipeline = CompiledPipeline.compile(definition, python);
        } catch (RuntimeException e) {
            close(); // a step that cannot load: the task's Python goes with it
            throw e;
        }
    }

    @Override
    public void process(Record<byte[], byte[]> input) {
        if (pipeline == null) {
            takeSteps();
        }
        progress.started();
        try {
            processTimed(input);
        } finally {
            progress.finished();
        }
    }

    private void processTimed(Record<byte[], byte[]> input) {
        metrics.recordIn();
        if (python == null) {
            processRecord(input);
            return;
        }
        long pythonBefore = python.nanosInPython();
        try {
            processRecord(input);
        } finally {
            long pythonNanos = python.nanosInPython() - pythonBefore;
            if (pythonNanos > 0) {
                metrics.timeInPython(pythonNanos);
            }
        }
    }

    private void processRecord(Record<byte[], byte[]> input) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        String topic = meta == null ? "" : meta.topic();
        int partition = meta == null ? -1 : meta.partition();
        long offset = meta == null ? -1 : meta.offset();
        List<Record<byte[], byte[]>> outputs;
        try {
            outputs = run(input, topic, partition, offset);
        } catch (StepFailure failure) {
            handleFailure(input, topic, partition, offset, failure);
            return;
        }
        if (outputs.isEmpty()) {
            metrics.filtered();
        }
        for (Record<byte[], byte[]> output : outputs) {
            context.forward(output, PipelineTopology.SINK);
        }
        metrics.recordsOut(outputs.size());
    }

    private List<Record<byte[], byte[]>> run(Record<byte[], byte[]> input, String topic, int partition, long offset) throws StepFailure {
        Object key;
        Object value;
        try {
            key = sourceKeys.decode(input.key());
        } catch (RuntimeException | StackOverflowError e) {
            throw RecordFailures.of("source.key", e);
        }
        try {
            value = sourceValues.decode(input.value());
        } catch (RuntimeException | StackOverflowError e) {
            throw RecordFailures.of("source.value", e);
        }
        List<PipelineRecord> results;
        try {
            PipelineRecord record = new PipelineRecord(key, value, topic, partition, offset, input.timestamp(), headers(input.headers()));
            results = pipeline.process(record);
        } catch (RuntimeException | StackOverflowError e) {
            throw RecordFailures.of("steps", e);
        }
        List<Record<byte[], byte[]>> outputs = new ArrayList<>(results.size());
        for (PipelineRecord result : results) {
            byte[] keyBytes;
            byte[] valueBytes;
            try {
                keyBytes = sinkKeys.encode(result.key());
            } catch (RuntimeException | StackOverflowError e) {
                throw RecordFailures.of("sink.key", e);
            }
            try {
                valueBytes = sinkValues.encode(result.value());
            } catch (RuntimeException | StackOverflowError e) {
                throw RecordFailures.of("sink.value", e);
            }
            try {
                outputs.add(new Record<>(keyBytes, valueBytes, input.timestamp(), kafkaHeaders(result.headers())));
            } catch (RuntimeException e) {
                throw RecordFailures.of("sink.headers", e);
            }
        }
        return outputs;
    }

    private void handleFailure(Record<byte[], byte[]> input, String topic, int partition, long offset, StepFailure failure) {
        metrics.recordError(failure.step(), failure.errorClass());
        switch (errorMode) {
            case DEAD_LETTER -> {
                Headers headers = new RecordHeaders(input.headers().toArray());
                put(headers, DeadLetterHeaders.STEP, failure.step());
                put(headers, DeadLetterHeaders.CLASS, failure.errorClass());
                put(headers, DeadLetterHeaders.MESSAGE, failure.getMessage());
                put(headers, DeadLetterHeaders.SOURCE_TOPIC, topic);
                put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(partition));
                put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(offset));
                context.forward(new Record<>(input.key(), input.value(), input.timestamp(), headers), PipelineTopology.DEAD_LETTERS);
                metrics.deadLettered();
            }
            case SKIP -> {
                // The record's contents are never logged: they may hold personal data.
                LOG.warn("Skipped record {}-{}@{}: {} in {}: {}", topic, partition, offset, failure.errorClass(), failure.step(), failure.getMessage());
                metrics.skipped();
            }
            case FAIL -> throw new PipelineFailedException(topic, partition, offset, failure);
        }
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Kafka headers as the string dict steps see; for a repeated header, the last value wins. */
    private static Map<String, String> headers(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header header : headers) {
            map.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return map;
    }

    private static Headers kafkaHeaders(Map<String, String> map) {
        RecordHeaders headers = new RecordHeaders();
        map.forEach((k, v) -> headers.add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    @Override
    public void close() {
        if (steps != null && steps != preloaded) {
            steps.close(); // this task's own, never taken: closed once their load has ended
        }
        steps = null;
        if (python != null) {
            python.close();
            python = null;
        }
    }
}
