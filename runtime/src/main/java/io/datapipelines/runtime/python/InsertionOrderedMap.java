package io.datapipelines.runtime.python;

import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentMap;

import org.python.core.PyObject;

/**
 * The backing map of the dicts we hand to Python: it keeps keys in insertion order, as a Python 3 dict
 * (and so DataCater's reference runner) does, where Jython's own {@code dict} uses a
 * {@link java.util.concurrent.ConcurrentHashMap} and iterates in hash order.
 *
 * <p>{@link org.python.core.PyDictionary} only accepts a {@link ConcurrentMap} as backing map, but does
 * not need any of its atomicity: every operation is a plain call on one map. {@link LinkedHashMap}
 * already implements all of {@link ConcurrentMap}'s methods ({@code putIfAbsent}, {@code replace}, ...),
 * so this class only declares the interface. It is deliberately not synchronized: the dicts live for
 * one call of user code, and a {@link JythonEnvironment} is used by one thread at a time (a Kafka Streams
 * task), so locking would only cost time on the hot path. Like Jython's dicts, it never holds null keys
 * or values.
 */
final class InsertionOrderedMap extends LinkedHashMap<PyObject, PyObject> implements ConcurrentMap<PyObject, PyObject> {
    private static final long serialVersionUID = 1L;

    InsertionOrderedMap() {
        super();
    }

    /** @param expectedSize how many entries will be put, so that the table is not resized on the way */
    InsertionOrderedMap(int expectedSize) {
        super(expectedSize < 3 ? 4 : (int) (expectedSize / 0.75f) + 1);
    }
}
