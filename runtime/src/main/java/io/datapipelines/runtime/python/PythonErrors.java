package io.datapipelines.runtime.python;

import org.apache.kafka.common.errors.InterruptException;
import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyFrame;
import org.python.core.PyInteger;
import org.python.core.PyObject;
import org.python.core.PyTraceback;
import org.python.core.PyTuple;
import org.python.core.PyType;
import org.python.core.PyUnicode;

/**
 * Reads a Python exception for a record error: its class name, its message in the words Python 3 (and
 * so DataCater) would use, and the line of user code it came from.
 */
final class PythonErrors {

    private PythonErrors() {
    }

    /**
     * Rethrows what must not be turned into a record error.
     *
     * <ul>
     *   <li>Jython wraps every Java throwable that crosses Python code in a {@link PyException} (an
     *       {@link OutOfMemoryError} too, as a Python exception of type {@code java.lang.OutOfMemoryError});
     *       a JVM that ran out of memory or broke must not go on to the next record as if one record
     *       were bad. A {@link StackOverflowError} is the exception: it only means user code recursed
     *       too deep, and Jython already reports it as a {@code RuntimeError}.</li>
     *   <li>An interrupt (Kafka Streams shutting the thread down while user code sleeps or waits, which
     *       Jython turns into {@code KeyboardInterrupt}) is not the record's fault: sending the record
     *       to the dead-letter topic would lose it. It becomes Kafka's unchecked
     *       {@link InterruptException}, which also sets the thread's interrupt flag again.</li>
     * </ul>
     */
    static void rethrowUnrecoverable(Throwable thrown) {
        // a Java throwable raised from Python ("raise OutOfMemoryError()") is the exception's value
        Object raised = thrown instanceof PyException e && e.value != null ? e.value.__tojava__(Throwable.class) : null;
        if (raised instanceof Throwable t && t != thrown) {
            rethrowUnrecoverable(t);
        }
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof VirtualMachineError fatal && !(t instanceof StackOverflowError)) {
                throw fatal;
            }
            if (t instanceof InterruptedException interrupted) {
                throw new InterruptException(interrupted);
            }
        }
        if (thrown instanceof PyException e && Py.KeyboardInterrupt != null && e.match(Py.KeyboardInterrupt)) {
            throw new InterruptException("user code was interrupted: " + e);
        }
    }

    /** {@code ZeroDivisionError}, {@code KeyError}, {@code MyError}, or a Java exception's simple name. */
    static String className(PyException e) {
        PyObject type = e.type;
        if (type instanceof PyType t) {
            return t.getName();
        }
        // an old-style class
        PyObject name = type == null ? null : type.__findattr__("__name__");
        return name == null ? String.valueOf(type) : name.toString();
    }

    /** The exception's message ({@code str(e)} in Python 3), without class name or location. */
    static String message(PyException e, String className) {
        try {
            e.normalize();
            PyObject value = e.value;
            if (value == null) {
                return "";
            }
            if ("KeyError".equals(className)) {
                // Python's str(KeyError(k)) is repr(k); in Jython 2, repr of a unicode key reads u'k'
                PyObject args = value.__findattr__("args");
                if (args instanceof PyTuple tuple && tuple.size() == 1) {
                    return python3Repr(tuple.pyget(0));
                }
            }
            String message = value.__unicode__().getString();
            return "ZeroDivisionError".equals(className) ? python3DivisionMessage(message) : message;
        } catch (RuntimeException | StackOverflowError broken) {
            // the exception's own __str__ failed: the class name is all we can say
            return "";
        }
    }

    /** {@code repr(value)} as Python 3 writes it: strings without Python 2's {@code u} prefix. */
    static String python3Repr(PyObject value) {
        String repr = value.__repr__().toString();
        return value instanceof PyUnicode && repr.startsWith("u") ? repr.substring(1) : repr;
    }

    /**
     * Jython says {@code float division} for {@code 1/0} under true division, Python 3 (and the runner
     * DataCater's users know) says {@code division by zero}.
     */
    private static String python3DivisionMessage(String message) {
        return switch (message) {
            case "float division" -> "division by zero";
            case "long division or modulo by zero" -> "integer division or modulo by zero";
            default -> message;
        };
    }

    /**
     * The message of a {@code SyntaxError} from compiling user code. Jython's parser speaks ANTLR
     * ({@code no viable alternative at input ...}, {@code mismatched input ...}): say that it is invalid
     * syntax first, and name the commonest cause, a Python 2 print statement.
     */
    static String syntaxErrorMessage(PyException e) {
        e.normalize();
        PyObject msg = e.value == null ? null : e.value.__findattr__("msg");
        String message = msg == null || msg == Py.None ? message(e, className(e)) : msg.toString();
        boolean antlr = message.startsWith("no viable alternative") || message.startsWith("mismatched input")
                || message.startsWith("extraneous input") || message.startsWith("missing ");
        if (!antlr) {
            return message;
        }
        PyObject text = e.value.__findattr__("text");
        String line = text == null || text == Py.None ? "" : text.toString().strip();
        if (line.startsWith("print ") && !line.startsWith("print (")) {
            return "invalid syntax: print is a function here (print_function is always on): write print(...)";
        }
        return "invalid syntax (" + message + ")";
    }

    /** An int attribute of an exception, such as a {@code SyntaxError}'s {@code lineno}; 0 when absent. */
    static int intAttribute(PyObject value, String name) {
        PyObject attribute = value == null ? null : value.__findattr__(name);
        return attribute instanceof PyInteger i ? i.getValue() : 0;
    }

    /**
     * The line, within the user's code, of the innermost traceback entry that ran in that code: the
     * line that raised, or the line of user code that called into the library that raised.
     *
     * @param globals the user code's module namespace, which tells its frames from others
     * @return the 1-based line, or -1 when no frame of that code is in the traceback
     */
    static int innermostLine(PyException e, PyObject globals) {
        int line = -1;
        PyObject entry = e.traceback;
        while (entry instanceof PyTraceback tb) {
            PyFrame frame = tb.tb_frame;
            if (frame != null && frame.f_globals == globals) {
                line = tb.tb_lineno;
            }
            entry = tb.tb_next;
        }
        return line;
    }
}
