package io.datapipelines.runtime.topology;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.python.PythonEngines;
import io.datapipelines.runtime.python.PythonTask;
import io.datapipelines.runtime.step.CompiledPipeline;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A pipeline's steps as the runtime loads them before Kafka Streams starts (so that a step that cannot load stops the
 * process at once, in one line), kept for the first stream task instead of thrown away: that task then starts
 * without making a second Python context and loading every step into it again, which with GraalPy costs a large
 * part of the time to the first record. Taken at most once; whoever takes it closes its Python task, and
 * {@link #close} closes it when nobody did.
 */
public final class PreloadedSteps implements AutoCloseable {
    /** A Python task and the steps compiled into it. */
    record Loaded(PythonTask python, CompiledPipeline pipeline) {
    }

    private final AtomicReference<Loaded> spare;

    PreloadedSteps(Loaded loaded) {
        this.spare = new AtomicReference<>(loaded);
    }

    /** Nothing kept: every stream task loads its own steps. */
    public static PreloadedSteps none() {
        return new PreloadedSteps(null);
    }

    /**
     * Compiles the definition's steps into a new Python task (none for a pipeline without Python steps).
     *
     * @throws io.datapipelines.runtime.step.StepStartupException when a step's code cannot be loaded (nothing is kept)
     */
    public static PreloadedSteps load(PipelineDefinition definition) {
        PythonTask python = CompiledPipeline.usesPython(definition) ? PythonEngines.newTask(definition.spec().processing().python()) : null;
        try {
            return new PreloadedSteps(new Loaded(python, CompiledPipeline.compile(definition, python)));
        } catch (RuntimeException e) {
            if (python != null) {
                python.close();
            }
            throw e;
        }
    }

    /** The kept steps, once; null afterwards (and for {@link #none}). */
    Loaded take() {
        return spare.getAndSet(null);
    }

    @Override
    public void close() {
        Loaded left = take();
        if (left != null && left.python() != null) {
            left.python().close();
        }
    }
}
