package io.datapipelines.runtime.python;

import io.datapipelines.model.FunctionRef;
import io.datapipelines.runtime.step.FieldFilter;
import io.datapipelines.runtime.step.FieldTransform;
import io.datapipelines.runtime.step.RecordError;
import io.datapipelines.runtime.step.RecordFilter;
import io.datapipelines.runtime.step.RecordTransform;

/**
 * One task's Python: the interpreter state its steps' code is loaded into (each step in a module
 * namespace of its own) and the step functions that call it per record.
 *
 * <p>Each factory method compiles the {@link FunctionRef}'s {@code config.code} once and runs its
 * module-level statements once. Without {@code config.code}, filters pass every record and transforms
 * are the identity. The factory methods throw a {@link RecordError} when the code does not compile,
 * its module-level statements raise, or it defines no suitable function: those do not depend on a
 * record, so the step cannot run at all ({@link #isStartupFailure}).
 *
 * <p>Not thread-safe: Kafka Streams processes a task on one thread at a time. The step functions throw
 * {@link RecordError}s named after Python's exception classes, with where in the definition it
 * happened, such as {@code division by zero (at pipeline.yaml:14, in spec.steps[1].transform)}; a call
 * that runs past the time limit is a {@code TimeoutError}.
 */
public interface PythonTask extends AutoCloseable {

    /** {@code filter(value, row)}: passes when the result is truthy. */
    FieldFilter fieldFilter(FunctionRef ref);

    /** {@code transform(value, row)}: the result becomes the field's value. */
    FieldTransform fieldTransform(FunctionRef ref);

    /** {@code filter(record)}: passes when the result is truthy. */
    RecordFilter recordFilter(FunctionRef ref);

    /** {@code transform(record)}: None drops the record, a list fans out, a record dict replaces it. */
    RecordTransform recordTransform(FunctionRef ref);

    /** Total wall-clock time spent running user code so far. */
    long nanosInPython();

    @Override
    void close();
}
