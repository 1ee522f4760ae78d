package io.datapipelines.runtime.topology;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.python.PythonEngines;
import io.datapipelines.runtime.python.PythonTask;
import io.datapipelines.runtime.step.CompiledPipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pipeline's steps as the runtime loads them before Kafka Streams starts (so that a step that cannot load stops the
 * process at once, in one line), kept for the first stream task instead of thrown away: that task then starts
 * without making a second Python context and loading every step into it again, which with GraalPy costs a large
 * part of the time to the first record. The load may run in the background ({@link #loadInBackground}) while the
 * rest of the start-up goes on, Kafka Streams' start included (the runner holds processing until it has ended:
 * {@code PipelineRunner#start}); {@link #awaitLoaded} says how it ended. Then the stream tasks after the first load
 * theirs in the background too, each from its start to its first record. Taken at most once; whoever takes it closes
 * its Python task, and {@link #close} closes it when nobody did.
 */
public final class PreloadedSteps implements AutoCloseable {
    /** A Python task and the steps compiled into it. */
    record Loaded(PythonTask python, CompiledPipeline pipeline) {
    }

    private final CompletableFuture<Loaded> loading;
    private final boolean inBackground;
    private final AtomicBoolean given = new AtomicBoolean();

    PreloadedSteps(CompletableFuture<Loaded> loading, boolean inBackground) {
        this.loading = loading;
        this.inBackground = inBackground;
    }

    PreloadedSteps(Loaded loaded) {
        this(CompletableFuture.completedFuture(loaded), false);
    }

    /** Nothing kept: every stream task loads its own steps. */
    public static PreloadedSteps none() {
        return new PreloadedSteps((Loaded) null);
    }

    /**
     * Compiles the definition's steps into a new Python task (none for a pipeline without Python steps).
     *
     * @throws io.datapipelines.runtime.step.StepStartupException when a step's code cannot be loaded (nothing is kept)
     */
    public static PreloadedSteps load(PipelineDefinition definition) {
        return new PreloadedSteps(compile(definition));
    }

    /** {@link #load} on a thread of its own; {@link #awaitLoaded} waits for it. */
    public static PreloadedSteps loadInBackground(PipelineDefinition definition) {
        return new PreloadedSteps(CompletableFuture.supplyAsync(() -> compile(definition), runnable -> {
            Thread t = new Thread(runnable, "datapipelines-load-steps");
            t.setDaemon(true);
            t.start();
        }), true);
    }

    /** Whether these were loaded in the background: then the stream tasks after the first load theirs so too. */
    boolean inBackground() {
        return inBackground;
    }

    private static Loaded compile(PipelineDefinition definition) {
        PythonTask python = CompiledPipeline.usesPython(definition) ? PythonEngines.newTask(definition.spec().processing().python()) : null;
        try {
            return new Loaded(python, CompiledPipeline.compile(definition, python));
        } catch (RuntimeException e) {
            if (python != null) {
                python.close();
            }
            throw e;
        }
    }

    /**
     * Waits for the load.
     *
     * @throws io.datapipelines.runtime.step.StepStartupException when a step's code could not be loaded (as any failure
     *         of the load, rethrown as it was thrown)
     */
    public void awaitLoaded() {
        try {
            loading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Whether the load is still running. */
    public boolean loading() {
        return !loading.isDone();
    }

    /**
     * Whether the load has ended badly. Read from the load itself, never from a future that depends on it: those
     * complete one after the other, so when one has, another may not have yet.
     */
    public boolean failed() {
        return loading.isCompletedExceptionally();
    }

    /** Whether the load has ended well (true for {@link #none}). */
    public boolean loadedWell() {
        return loading.isDone() && !loading.isCompletedExceptionally();
    }

    /** Completes when the load has ended well, exceptionally when it has not. */
    public CompletableFuture<Void> whenLoaded() {
        return loading.thenApply(loaded -> null);
    }

    /** The kept steps, once, when the load has ended well; null otherwise (and for {@link #none}). */
    Loaded take() {
        if (!loading.isDone() || loading.isCompletedExceptionally() || given.getAndSet(true)) {
            return null;
        }
        return loading.join();
    }

    /** Closes the kept steps if nobody took them (when a load still runs: once it has ended). */
    @Override
    public void close() {
        loading.thenAccept(loaded -> {
            if (loaded != null && loaded.python() != null && !given.getAndSet(true)) {
                loaded.python().close();
            }
        });
    }
}
