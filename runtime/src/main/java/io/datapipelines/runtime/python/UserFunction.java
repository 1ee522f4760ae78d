package io.datapipelines.runtime.python;

import org.python.antlr.base.mod;
import org.python.core.Py;
import org.python.core.PyBaseCode;
import org.python.core.PyCode;
import org.python.core.PyException;
import org.python.core.PyFunction;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyStringMap;
import org.python.core.PySystemState;
import org.python.core.ThreadState;

import io.datapipelines.model.FunctionRef;
import io.datapipelines.model.Location;
import io.datapipelines.runtime.step.RecordError;

import java.util.Optional;

/**
 * One user-defined function loaded into a {@link JythonEnvironment}: the {@link FunctionRef}'s code
 * compiled once and its module-level statements run once, in a module namespace of its own, and the
 * function it defines, called per record.
 *
 * <p>Every Python exception, and every Java exception that escapes user code, becomes a
 * {@link RecordError} whose class is the Python exception's class name and whose message ends with the
 * place in the definition where the innermost line of user code stands, such as
 * {@code division by zero (at pipeline.yaml:14, in spec.steps[1].transform)}.
 */
final class UserFunction {
    /** {@code __name__} of the module user code runs in: not {@code __main__}, so "main" blocks do not run. */
    static final String MODULE_NAME = "pipeline_step";

    private final JythonEnvironment environment;
    private final PySystemState sys;
    private final FunctionRef ref;
    private final String name;
    private final String path;
    private final PyStringMap globals = new PyStringMap();
    private final PyObject function;
    /** The line of the {@code def} within the code, for errors that happen before or after the function runs; -1 when unknown. */
    private final int definitionLine;
    /** See {@link #ignoresSecondArgument()}. */
    private final boolean ignoresSecondArgument;

    /**
     * Compiles the code, runs its module-level statements and finds the function.
     *
     * @param arity    how many arguments the function is called with
     * @param calledAs how it is called, for messages: {@code transform(value, row)}
     * @throws RecordError when the code does not compile, its module-level statements raise, or it does
     *                     not define a function by that name that takes {@code arity} arguments. None of
     *                     these depends on a record: the step cannot run at all.
     */
    UserFunction(JythonEnvironment environment, PySystemState sys, FunctionRef ref, String name, int arity, String calledAs) {
        this.environment = environment;
        this.sys = sys;
        this.ref = ref;
        this.name = name;
        this.path = ref.path() == null ? "user code" : ref.path();
        globals.__setitem__("__name__", new PyString(MODULE_NAME));

        PyCode code;
        Optional<Integer> secondUnusedFromLine = Optional.empty();
        try {
            // "<...>": not a file name, so that nothing (linecache, tracebacks) tries to open it
            String filename = "<" + path + ">";
            mod tree = PythonSource.parse(ref.code(), filename);
            if (arity == 2) {
                // read before compiling, which may annotate the tree
                secondUnusedFromLine = UnusedParameter.lineOfDefinitionIgnoring(tree, name, 1);
            }
            code = PythonSource.compile(tree, ref.code(), filename);
        } catch (PyException e) {
            throw compileError(e);
        }
        enter();
        long start = System.nanoTime();
        try {
            Py.runCode(code, globals, globals);
        } catch (PyException e) {
            throw error(e, -1);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw javaError(e, -1);
        } finally {
            environment.addNanos(System.nanoTime() - start);
        }

        PyObject found = globals.__finditem__(name);
        if (found == null) {
            // DataCater's runner looked the function up in a dict: KeyError
            throw new RecordError("KeyError", "'" + name + "': the code defines no function named '" + name
                    + "', called as " + calledAs + where(1));
        }
        if (!found.isCallable()) {
            throw RecordError.typeError("'" + name + "' is a " + PythonValues.typeName(found)
                    + ", not a function that can be called as " + calledAs + where(1));
        }
        this.function = found;
        this.definitionLine = found instanceof PyFunction f && f.__code__ instanceof PyBaseCode c ? c.co_firstlineno : -1;
        checkArity(arity, calledAs);
        this.ignoresSecondArgument = secondUnusedFromLine.isPresent() && isPlainFunctionDefinedOn(secondUnusedFromLine.get());
    }

    /**
     * Whether the function can never observe its second argument (see {@link UnusedParameter}): the source
     * says so, and the function found after running the module is the plain one defined there.
     */
    boolean ignoresSecondArgument() {
        return ignoresSecondArgument;
    }

    private boolean isPlainFunctionDefinedOn(int line) {
        return function instanceof PyFunction f && f.__code__ instanceof PyBaseCode code && !code.varargs && !code.varkwargs
                && code.co_argcount >= 2 && code.co_firstlineno == line;
    }

    /** A function whose parameters cannot take the call fails now, not once per record. */
    private void checkArity(int arity, String calledAs) {
        if (!(function instanceof PyFunction f) || !(f.__code__ instanceof PyBaseCode code)) {
            return; // a class, a builtin...: the call will tell
        }
        int defaults = f.__defaults__ == null ? 0 : f.__defaults__.length;
        int required = code.co_argcount - defaults;
        if (arity < required || (arity > code.co_argcount && !code.varargs)) {
            String takes = code.co_argcount == required ? String.valueOf(required) : required + " to " + code.co_argcount;
            throw RecordError.typeError(name + "() takes " + takes + " positional argument"
                    + (code.co_argcount == 1 && required == 1 ? "" : "s") + " but is called with " + arity + ": "
                    + calledAs + where(definitionLine));
        }
    }

    String name() {
        return name;
    }

    PyObject call(PyObject arg) {
        ThreadState ts = enter();
        long start = System.nanoTime();
        try {
            return function.__call__(ts, arg);
        } catch (PyException e) {
            throw error(e, definitionLine);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw javaError(e, definitionLine);
        } finally {
            environment.addNanos(System.nanoTime() - start);
        }
    }

    PyObject call(PyObject arg0, PyObject arg1) {
        ThreadState ts = enter();
        long start = System.nanoTime();
        try {
            return function.__call__(ts, arg0, arg1);
        } catch (PyException e) {
            throw error(e, definitionLine);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw javaError(e, definitionLine);
        } finally {
            environment.addNanos(System.nanoTime() - start);
        }
    }

    /** Python truthiness: for a user's class, {@code __nonzero__} or {@code __len__} is user code too. */
    boolean isTrue(PyObject result) {
        try {
            return result.__nonzero__();
        } catch (PyException e) {
            throw error(e, definitionLine);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw javaError(e, definitionLine);
        }
    }

    /** An error in what the function returned (it cannot be a JSON value, or is not a record): says where. */
    RecordError resultError(RecordError e) {
        return new RecordError(e.errorClass(), e.getMessage() + " (returned by " + name + "() defined " + place(definitionLine) + ")", e);
    }

    /**
     * Makes this environment's {@code sys} the thread's: imports, {@code print} and {@code sys.*} in user
     * code go through it. It stays after the call, so that the common case (one task's functions, one
     * after the other, on one thread) costs one comparison per call instead of a switch back and forth.
     */
    private ThreadState enter() {
        environment.checkOpen();
        ThreadState ts = Py.getThreadState();
        if (ts.getSystemState() != sys) {
            ts.setSystemState(sys);
        }
        environment.running(path);
        return ts;
    }

    private RecordError error(PyException e, int fallbackLine) {
        PythonErrors.rethrowUnrecoverable(e);
        String errorClass = PythonErrors.className(e);
        String message = PythonErrors.message(e, errorClass);
        int line = PythonErrors.innermostLine(e, globals);
        return new RecordError(errorClass, (message.isEmpty() ? errorClass : message) + where(line > 0 ? line : fallbackLine), e);
    }

    private RecordError javaError(Throwable e, int line) {
        PythonErrors.rethrowUnrecoverable(e);
        if (e instanceof StackOverflowError) {
            return new RecordError("RuntimeError", "maximum recursion depth exceeded (Java StackOverflowError)" + where(line), e);
        }
        return new RecordError(e.getClass().getSimpleName(), e + where(line), e);
    }

    private RecordError compileError(PyException e) {
        PythonErrors.rethrowUnrecoverable(e);
        e.normalize();
        int line = PythonErrors.intAttribute(e.value, "lineno");
        return new RecordError(PythonErrors.className(e), PythonErrors.syntaxErrorMessage(e) + where(line), e);
    }

    /** {@code " (at pipeline.yaml:14, in spec.steps[1].transform)"} for a line of the user's code. */
    String where(int codeLine) {
        return " (" + place(codeLine) + ")";
    }

    /**
     * {@code at pipeline.yaml:14, in spec.steps[1].transform}: the definition line is the code's first
     * line ({@link FunctionRef#codeLocation()}) plus the line within the code, less one.
     */
    String place(int codeLine) {
        Location code = ref.codeLocation();
        StringBuilder where = new StringBuilder();
        if (codeLine > 0 && code != null && code.line() > 0) {
            where.append("at ").append(code.file()).append(':').append(code.line() + codeLine - 1).append(", ");
        } else if (codeLine > 0) {
            where.append("at line ").append(codeLine).append(" of the code, ");
        }
        return where.append("in ").append(path).toString();
    }
}
