package io.datapipelines.runtime.step;

import io.datapipelines.model.FieldEntry;
import io.datapipelines.model.FieldStep;
import io.datapipelines.model.FunctionRef;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.model.PythonEngineKind;
import io.datapipelines.model.PythonSteps;
import io.datapipelines.model.RecordStep;
import io.datapipelines.model.Step;
import io.datapipelines.model.builtin.BuiltinCatalogue;
import io.datapipelines.model.builtin.BuiltinSpec;
import io.datapipelines.runtime.builtin.BuiltinFunctions;
import io.datapipelines.runtime.python.PythonTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A definition's steps, compiled once (built-ins bound to their config, Python loaded into the given
 * task's engine) and run per record. Not thread-safe: a Kafka Streams task owns one, with its own
 * {@link PythonTask}.
 */
public final class CompiledPipeline {
    private final List<CompiledStep> steps;

    private CompiledPipeline(List<CompiledStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * @param python the task's Python; may be null when {@link #usesPython} is false
     * @throws StepStartupException when a step's code cannot be loaded
     */
    public static CompiledPipeline compile(PipelineDefinition definition, PythonTask python) {
        List<CompiledStep> steps = new ArrayList<>();
        List<Step> definitionSteps = definition.spec().steps();
        for (int i = 0; i < definitionSteps.size(); i++) {
            String path = "steps[" + i + "]";
            Step step = definitionSteps.get(i);
            if (step instanceof FieldStep field) {
                List<CompiledFieldStep.Entry> entries = new ArrayList<>();
                for (Map.Entry<String, FieldEntry> e : field.fields().entrySet()) {
                    FunctionRef filter = e.getValue().filter();
                    FunctionRef transform = e.getValue().transform();
                    entries.add(new CompiledFieldStep.Entry(e.getKey(),
                            filter == null ? null : fieldFilter(filter, python),
                            transform == null ? null : fieldOperation(transform, python),
                            transform != null && spec(transform).post()));
                }
                steps.add(new CompiledFieldStep(path, entries));
            } else if (step instanceof RecordStep record) {
                steps.add(new CompiledRecordStep(path,
                        record.filter() == null ? null : load(record.filter(), python::recordFilter),
                        record.transform() == null ? null : load(record.transform(), python::recordTransform)));
            }
        }
        return new CompiledPipeline(steps);
    }

    /**
     * Whether any step runs Python. Pipelines that do not never start Jython, which saves its start-up
     * (a good part of a new replica's time to its first record) and its memory.
     */
    public static boolean usesPython(PipelineDefinition definition) {
        return PythonSteps.any(definition.spec().steps());
    }

    /** Whether the definition has Python steps and runs them on GraalPy. */
    public static boolean usesGraalPy(PipelineDefinition definition) {
        return usesPython(definition) && definition.spec().processing().python().engine() == PythonEngineKind.GRAALPY;
    }

    private static boolean isPython(FunctionRef ref) {
        return ref != null && spec(ref).isPython();
    }

    private static BuiltinSpec spec(FunctionRef ref) {
        return BuiltinCatalogue.find(ref.key()).orElseThrow(() -> new IllegalArgumentException("unknown key " + ref.key()));
    }

    private static FieldFilter fieldFilter(FunctionRef ref, PythonTask python) {
        return spec(ref).isPython() ? load(ref, python::fieldFilter) : BuiltinFunctions.fieldFilter(ref.key(), ref.config());
    }

    private static CompiledFieldStep.FieldOperation fieldOperation(FunctionRef ref, PythonTask python) {
        return switch (ref.key()) {
            case "drop-field" -> CompiledFieldStep.FieldOperation.DROP;
            case "rename-field" -> CompiledFieldStep.FieldOperation.rename((String) ref.config().get("newFieldName"));
            default -> CompiledFieldStep.FieldOperation.assign(spec(ref).isPython()
                    ? load(ref, python::fieldTransform) : BuiltinFunctions.fieldTransform(ref.key(), ref.config()));
        };
    }

    /** Loads a step's Python; what fails here fails for every record, so it is a start-up failure. */
    private static <T> T load(FunctionRef ref, java.util.function.Function<FunctionRef, T> loader) {
        try {
            return loader.apply(ref);
        } catch (RecordError e) {
            throw new StepStartupException(ref.path(), e);
        }
    }

    /**
     * Runs every step on the record.
     *
     * @return the records for the sink, in order: none when filtered out or dropped, several on fan-out
     * @throws StepFailure the first record error, naming the step; nothing is returned for that input
     */
    public List<PipelineRecord> process(PipelineRecord record) throws StepFailure {
        List<PipelineRecord> current = List.of(record);
        for (CompiledStep step : steps) {
            if (current.size() == 1) {
                current = step.apply(current.get(0));
            } else {
                List<PipelineRecord> next = new ArrayList<>();
                for (PipelineRecord r : current) {
                    next.addAll(step.apply(r));
                }
                current = next;
            }
            if (current.isEmpty()) {
                return current;
            }
        }
        return current;
    }
}
