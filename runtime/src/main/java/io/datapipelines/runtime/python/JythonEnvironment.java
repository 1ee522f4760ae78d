package io.datapipelines.runtime.python;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.python.core.Py;
import org.python.core.PyDictionary;
import org.python.core.PyFile;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.core.PyUnicode;
import org.python.core.ThreadState;

import io.datapipelines.model.FunctionRef;
import io.datapipelines.runtime.step.FieldFilter;
import io.datapipelines.runtime.step.FieldTransform;
import io.datapipelines.runtime.step.PipelineRecord;
import io.datapipelines.runtime.step.RecordError;
import io.datapipelines.runtime.step.RecordFilter;
import io.datapipelines.runtime.step.RecordTransform;

/**
 * The Jython {@link PythonTask}: a Jython interpreter state (its own {@code sys}, so its own {@code sys.modules}) in which user-defined
 * Python steps run. The runtime makes one per Kafka Streams task and closes it with the task.
 *
 * <p>Each factory method compiles the {@link FunctionRef}'s {@code config.code} once and runs its
 * module-level statements once, in a module namespace of its own (two steps never see each other's
 * globals), and returns a step function that calls the user's function per record. Code is Python 2.7
 * with {@code division}, {@code print_function}, {@code absolute_import} and {@code unicode_literals}
 * always on. Without {@code config.code}, filters pass every record and transforms are the identity, as
 * in DataCater.
 *
 * <p>Not thread-safe, and does not need to be: Kafka Streams processes a task on one thread at a time.
 * The functions must only be called from the thread that processes the task, and not after
 * {@link #close()}.
 *
 * <p>Errors: a Python exception (or a Java one escaping user code) in a call is a {@link RecordError}
 * named after the Python exception class, whose message ends with where in the definition it happened:
 * {@code division by zero (at pipeline.yaml:14, in spec.steps[1].transform)}. The factory methods throw
 * a {@link RecordError} too when the code does not compile, its module-level statements raise, or it
 * defines no function by the name the step calls, or one that cannot take the step's arguments: those do
 * not depend on a record, so the step cannot run at all and the caller should stop rather than count
 * every record as bad.
 */
public final class JythonEnvironment implements PythonTask {
    private final PySystemState sys;
    private final PythonOutput stdout;
    private final PythonOutput stderr;
    private long nanosInPython;
    private boolean closed;

    public JythonEnvironment() {
        this(PythonOutput.stdoutToLog(), PythonOutput.stderrToLog());
    }

    /** With {@code print()} output going elsewhere than the log (tests). */
    JythonEnvironment(PythonOutput stdout, PythonOutput stderr) {
        JythonRuntime.ensureInitialized();
        this.sys = new PySystemState();
        this.stdout = stdout;
        this.stderr = stderr;
        sys.dont_write_bytecode = true;
        sys.stdout = Py.java2py(stdout);
        sys.stderr = Py.java2py(stderr);
        // a pipeline has no console: reading standard input ends at once instead of blocking the task
        sys.stdin = new PyFile(new ByteArrayInputStream(new byte[0]), "<stdin>", "r", -1, true);
        sys.argv = new PyList();
    }

    /** {@code filter(value, row)}: passes when the result is truthy. */
    @Override
    public FieldFilter fieldFilter(FunctionRef ref) {
        checkOpen();
        if (ref.code() == null) {
            return (value, row) -> true;
        }
        UserFunction function = new UserFunction(this, sys, ref, "filter", 2, "filter(value, row)");
        boolean rowUnused = function.ignoresSecondArgument();
        return (value, row) -> {
            Map<String, Object> seenRow = rowUnused ? null : row;
            PyObject pyRow = seenRow == null ? Py.None : PythonValues.toPythonDict(seenRow);
            return function.isTrue(function.call(fieldValue(value, seenRow, pyRow), pyRow));
        };
    }

    /** {@code transform(value, row)}: the result becomes the field's value. */
    @Override
    public FieldTransform fieldTransform(FunctionRef ref) {
        checkOpen();
        if (ref.code() == null) {
            return (value, row) -> value;
        }
        UserFunction function = new UserFunction(this, sys, ref, "transform", 2, "transform(value, row)");
        boolean rowUnused = function.ignoresSecondArgument();
        return (value, row) -> {
            // a function that never looks at row gets None: nothing in it can tell, and the dict is not built
            Map<String, Object> seenRow = rowUnused ? null : row;
            PyObject pyRow = seenRow == null ? Py.None : PythonValues.toPythonDict(seenRow);
            PyObject pyValue = fieldValue(value, seenRow, pyRow);
            PyObject result = function.call(pyValue, pyRow);
            if (result == pyValue && !(value instanceof Map || value instanceof List)) {
                return value; // the same immutable object back: no need to convert it
            }
            try {
                return PythonValues.toJava(result);
            } catch (RecordError e) {
                throw function.resultError(e);
            }
        };
    }

    /** {@code filter(record)}: passes when the result is truthy. */
    @Override
    public RecordFilter recordFilter(FunctionRef ref) {
        checkOpen();
        if (ref.code() == null) {
            return record -> true;
        }
        UserFunction function = new UserFunction(this, sys, ref, "filter", 1, "filter(record)");
        return record -> function.isTrue(function.call(PythonRecords.toDict(record)));
    }

    /**
     * {@code transform(record)}: None drops the record, a list or tuple of record dicts fans out (in
     * order), a record dict replaces the record. See {@link PythonRecords} for how a record dict is read.
     */
    @Override
    public RecordTransform recordTransform(FunctionRef ref) {
        checkOpen();
        if (ref.code() == null) {
            return List::of;
        }
        UserFunction function = new UserFunction(this, sys, ref, "transform", 1, "transform(record)");
        return record -> {
            PyObject result = function.call(PythonRecords.toDict(record));
            try {
                return PythonRecords.fromResult(result, record, function.name());
            } catch (RecordError e) {
                throw function.resultError(e);
            }
        };
    }

    /** Total wall-clock time spent running user code (module-level statements and calls) so far. */
    @Override
    public long nanosInPython() {
        return nanosInPython;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stdout.close();
        stderr.close();
        ThreadState ts = Py.getThreadState();
        if (ts.getSystemState() == sys) {
            ts.setSystemState(null); // back to Jython's default, so that the thread does not keep this one alive
        }
        sys.close();
    }

    /**
     * The value as a Python object. DataCater passed {@code row.get(field)}, so {@code value is row[field]}
     * held there and in-place changes to a dict or list value showed in the row: when the value is a
     * container of the row, the object already made for the row is used (which also saves converting it
     * twice).
     */
    private static PyObject fieldValue(Object value, Map<String, Object> row, PyObject pyRow) {
        if ((value instanceof Map || value instanceof List) && row != null) {
            for (Map.Entry<String, Object> entry : row.entrySet()) {
                if (entry.getValue() == value) {
                    return ((PyDictionary) pyRow).getMap().get(new PyUnicode(entry.getKey()));
                }
            }
        }
        return PythonValues.toPython(value);
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this Python environment is closed");
        }
    }

    void addNanos(long nanos) {
        nanosInPython += nanos;
    }

    /** Labels what user code prints from now on. */
    void running(String path) {
        stdout.source(path);
        stderr.source(path);
    }
}
