package io.datapipelines.runtime.python;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.python.core.Py;
import org.python.core.PyBoolean;
import org.python.core.PyDictionary;
import org.python.core.PyFloat;
import org.python.core.PyInteger;
import org.python.core.PyList;
import org.python.core.PyLong;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyStringMap;
import org.python.core.PyTuple;
import org.python.core.PyUnicode;

import io.datapipelines.runtime.step.RecordError;

/**
 * Converts record values between the Java value model and Python objects.
 *
 * <pre>
 *   Java                          Python (Jython 2.7)
 *   null                     &lt;-&gt;  None
 *   Boolean                  &lt;-&gt;  bool
 *   Long, BigInteger         &lt;-&gt;  int when it fits 32 bits, else long (both back to Long when they fit
 *                                 64 bits, else BigInteger)
 *   Double                   &lt;-&gt;  float
 *   String                   &lt;-&gt;  unicode (a byte str comes back as String too, see below)
 *   List&lt;Object&gt;             &lt;-&gt;  list (a tuple comes back as a List too)
 *   Map&lt;String, Object&gt;      &lt;-&gt;  dict that keeps insertion order (Python 3 behaviour), backed by
 *                                 {@link InsertionOrderedMap}; back to a LinkedHashMap
 * </pre>
 *
 * Everything else Python can produce (a set, an object, a function, ...) cannot be a JSON value and is a
 * {@link RecordError} {@code TypeError}. The conversions run for every record that reaches user code,
 * so they test exact classes with {@code instanceof} in order of likelihood and never go through
 * Jython's reflective {@code Py.java2py}/{@code __tojava__}.
 */
public final class PythonValues {
    static {
        JythonRuntime.ensureInitialized();
    }

    /** Deeper than this, a structure is taken to be circular (a list that contains itself). */
    static final int MAX_DEPTH = 1000;

    private PythonValues() {
    }

    /**
     * The Python object for a Java value. Besides the value model, also accepts Integer, Short, Byte
     * and Float, so that a value made by other Java code does not fail.
     *
     * @throws RecordError {@code TypeError} for any other Java type
     */
    public static PyObject toPython(Object value) {
        if (value instanceof String s) {
            return new PyUnicode(s);
        }
        if (value == null) {
            return Py.None;
        }
        if (value instanceof Map<?, ?> map) {
            return toPythonDict(map);
        }
        if (value instanceof Long l) {
            return toPythonInt(l);
        }
        if (value instanceof Double d) {
            return new PyFloat(d);
        }
        if (value instanceof Boolean b) {
            return b ? Py.True : Py.False;
        }
        if (value instanceof List<?> list) {
            return toPythonList(list);
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 32 ? Py.newInteger(big.intValue()) : new PyLong(big);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Py.newInteger(((Number) value).intValue());
        }
        if (value instanceof Float f) {
            return new PyFloat(f);
        }
        throw RecordError.typeError("cannot convert Java " + value.getClass().getName() + " to a Python value");
    }

    /** A Python int for a long: {@code int} when it fits 32 bits (as Jython's own arithmetic does), else {@code long}. */
    public static PyObject toPythonInt(long value) {
        int small = (int) value;
        return small == value ? Py.newInteger(small) : new PyLong(value);
    }

    /** A Python dict with the map's entries, in the map's order, whose later insertions go to the end. */
    public static PyDictionary toPythonDict(Map<?, ?> map) {
        InsertionOrderedMap entries = new InsertionOrderedMap(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            entries.put(key instanceof String s ? new PyUnicode(s) : toPython(key), toPython(entry.getValue()));
        }
        return new PyDictionary(entries, true);
    }

    /** An empty insertion-ordered Python dict. */
    public static PyDictionary newDict(int expectedSize) {
        return new PyDictionary(new InsertionOrderedMap(expectedSize), true);
    }

    /** Wraps the given entries, which from now on belong to the dict. */
    static PyDictionary dictOf(InsertionOrderedMap entries) {
        return new PyDictionary(entries, true);
    }

    public static PyList toPythonList(List<?> list) {
        ArrayList<PyObject> items = new ArrayList<>(list.size());
        for (Object item : list) {
            items.add(toPython(item));
        }
        // fromList adopts the ArrayList instead of copying it
        return PyList.fromList(items);
    }

    /**
     * The Java value for a Python object: see the class comment.
     *
     * @throws RecordError {@code TypeError} for what cannot be a JSON value (naming its Python type), a
     *                     dict key that is not a string, or a byte string that is not UTF-8;
     *                     {@code ValueError} for a circular structure
     */
    public static Object toJava(PyObject value) {
        return toJava(value, 0);
    }

    private static Object toJava(PyObject value, int depth) {
        // PyUnicode and PyBoolean are subclasses of PyString and PyInteger: they must come first
        if (value instanceof PyUnicode u) {
            return u.getString();
        }
        if (value instanceof PyDictionary dict) {
            return dictToJava(dict, depth);
        }
        if (value instanceof PyBoolean b) {
            return b.getValue() != 0;
        }
        if (value instanceof PyInteger i) {
            return (long) i.getValue();
        }
        if (value instanceof PyFloat f) {
            return f.getValue();
        }
        if (value == Py.None) {
            return null;
        }
        if (value instanceof PyString s) {
            return byteStringToJava(s);
        }
        if (value instanceof PyLong l) {
            BigInteger big = l.getValue();
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (value instanceof PyList list) {
            return itemsToJava(list.getArray(), depth);
        }
        if (value instanceof PyTuple tuple) {
            return itemsToJava(tuple.getArray(), depth);
        }
        if (value instanceof PyStringMap map) {
            return stringMapToJava(map, depth);
        }
        throw cannotConvert(value);
    }

    static RecordError cannotConvert(PyObject value) {
        return RecordError.typeError("cannot convert " + typeName(value) + " to JSON");
    }

    /** The Python type name of an object, such as {@code set} or {@code function}. */
    static String typeName(PyObject value) {
        return value.getType().fastGetName();
    }

    private static Map<String, Object> dictToJava(PyDictionary dict, int depth) {
        checkDepth(depth);
        Map<PyObject, PyObject> entries = dict.getMap();
        LinkedHashMap<String, Object> out = new LinkedHashMap<>(Math.max(4, (int) (entries.size() / 0.75f) + 1));
        if (dict.getClass() == PyDictionary.class) {
            for (Map.Entry<PyObject, PyObject> entry : entries.entrySet()) {
                out.put(keyToJava(entry.getKey()), toJava(entry.getValue(), depth + 1));
            }
        } else {
            // a subclass (collections.OrderedDict, a user's dict subclass) may keep its own order or
            // override __getitem__: go through the Python protocol
            for (PyObject key : dict.asIterable()) {
                out.put(keyToJava(key), toJava(dict.__getitem__(key), depth + 1));
            }
        }
        return out;
    }

    private static Map<String, Object> stringMapToJava(PyStringMap map, int depth) {
        checkDepth(depth);
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (PyObject item : map.items().asIterable()) {
            PyTuple pair = (PyTuple) item;
            out.put(keyToJava(pair.pyget(0)), toJava(pair.pyget(1), depth + 1));
        }
        return out;
    }

    private static List<Object> itemsToJava(PyObject[] items, int depth) {
        checkDepth(depth);
        ArrayList<Object> out = new ArrayList<>(items.length);
        for (PyObject item : items) {
            out.add(toJava(item, depth + 1));
        }
        return out;
    }

    private static String keyToJava(PyObject key) {
        if (key instanceof PyUnicode u) {
            return u.getString();
        }
        if (key instanceof PyString s) {
            return byteStringToJava(s);
        }
        throw RecordError.typeError("cannot convert a dict with a key of type " + typeName(key) + " (" + key
                + ") to JSON: keys must be strings");
    }

    /**
     * A Python 2 byte string ({@code str(42)}, many library results) as text. ASCII, by far the common
     * case, is taken as it is; anything else must be UTF-8 (what {@code .encode('utf-8')} makes), as
     * silently reading binary data as text would corrupt it.
     */
    private static String byteStringToJava(PyString s) {
        String chars = s.getString();
        for (int i = 0, n = chars.length(); i < n; i++) {
            if (chars.charAt(i) >= 0x80) {
                return decodeUtf8(chars);
            }
        }
        return chars;
    }

    private static String decodeUtf8(String byteChars) {
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(byteChars.getBytes(StandardCharsets.ISO_8859_1)));
            return decoded.toString();
        } catch (CharacterCodingException e) {
            throw RecordError.typeError("cannot convert a byte string that is not UTF-8 text to JSON");
        }
    }

    private static void checkDepth(int depth) {
        if (depth >= MAX_DEPTH) {
            throw RecordError.valueError("circular reference detected (or nesting deeper than " + MAX_DEPTH + " levels)");
        }
    }
}
