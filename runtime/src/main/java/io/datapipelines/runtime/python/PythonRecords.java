package io.datapipelines.runtime.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.python.core.Py;
import org.python.core.PyDictionary;
import org.python.core.PyList;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PyStringMap;
import org.python.core.PyTuple;
import org.python.core.PyUnicode;

import io.datapipelines.runtime.step.PipelineRecord;
import io.datapipelines.runtime.step.RecordError;

/**
 * A whole record as record functions see it, and back:
 * {@code {"key": ..., "value": ..., "metadata": {"topic", "partition", "offset", "timestamp", "headers": {..}}}}.
 *
 * <p>What a record transform returns is read by the rules of the definition format: None drops the
 * record, a list or tuple fans out (each element a record dict, in order), a dict is the new record.
 * From a record dict, {@code key}, {@code value} and {@code metadata.headers} are taken (a missing
 * {@code key} or {@code value} is None); without {@code metadata}, or without {@code metadata.headers},
 * the input's headers stay. Topic, partition, offset and timestamp say where the record was read and
 * cannot be changed: a returned value that differs is an error rather than being silently ignored, and
 * so is a top-level key other than the three (most likely the value dict returned in place of the
 * record).
 */
final class PythonRecords {
    // The record dict's fixed keys, made once: the same immutable objects serve every record.
    static final PyUnicode KEY = new PyUnicode("key");
    static final PyUnicode VALUE = new PyUnicode("value");
    static final PyUnicode METADATA = new PyUnicode("metadata");
    static final PyUnicode TOPIC = new PyUnicode("topic");
    static final PyUnicode PARTITION = new PyUnicode("partition");
    static final PyUnicode OFFSET = new PyUnicode("offset");
    static final PyUnicode TIMESTAMP = new PyUnicode("timestamp");
    static final PyUnicode HEADERS = new PyUnicode("headers");

    private PythonRecords() {
    }

    /**
     * The record as a Python dict; a new one each time, so that user code may change it freely. Its
     * metadata dict is only filled when user code looks at it (see {@link LazyInsertionOrderedMap}).
     */
    static PyDictionary toDict(PipelineRecord record) {
        InsertionOrderedMap dict = new InsertionOrderedMap(3);
        dict.put(KEY, PythonValues.toPython(record.key()));
        dict.put(VALUE, PythonValues.toPython(record.value()));
        dict.put(METADATA, new PyDictionary(new LazyInsertionOrderedMap(() -> metadata(record)), true));
        return PythonValues.dictOf(dict);
    }

    private static InsertionOrderedMap metadata(PipelineRecord record) {
        InsertionOrderedMap metadata = new InsertionOrderedMap(5);
        metadata.put(TOPIC, record.topic() == null ? Py.None : new PyUnicode(record.topic()));
        metadata.put(PARTITION, Py.newInteger(record.partition()));
        metadata.put(OFFSET, PythonValues.toPythonInt(record.offset()));
        metadata.put(TIMESTAMP, PythonValues.toPythonInt(record.timestamp()));
        metadata.put(HEADERS, PythonValues.toPythonDict(record.headers()));
        return metadata;
    }

    /**
     * The records a record transform's result stands for.
     *
     * @param result   what {@code transform(record)} returned
     * @param input    the record it was given
     * @param function the function's name, for messages
     * @throws RecordError {@code TypeError} or {@code ValueError} naming what came back when it is not a
     *                     record, a list of records or None
     */
    static List<PipelineRecord> fromResult(PyObject result, PipelineRecord input, String function) {
        if (result == Py.None) {
            return List.of();
        }
        if (isDict(result)) {
            return List.of(fromDict(result, input, function + "() returned a record dict"));
        }
        if (result instanceof PyList || result instanceof PyTuple) {
            PyObject[] items = result instanceof PyList list ? list.getArray() : ((PyTuple) result).getArray();
            List<PipelineRecord> records = new ArrayList<>(items.length);
            for (int i = 0; i < items.length; i++) {
                String what = function + "() returned a " + PythonValues.typeName(result) + " whose element " + i;
                if (!isDict(items[i])) {
                    throw RecordError.typeError(what + " is a " + PythonValues.typeName(items[i])
                            + ", not a record dict ({\"key\": ..., \"value\": ..., \"metadata\": ...})");
                }
                records.add(fromDict(items[i], input, what));
            }
            return records;
        }
        throw RecordError.typeError(function + "() returned a " + PythonValues.typeName(result)
                + ": a record transform returns a record dict, a list of them, or None to drop the record");
    }

    private static boolean isDict(PyObject value) {
        return value instanceof PyDictionary || value instanceof PyStringMap;
    }

    private static PipelineRecord fromDict(PyObject dict, PipelineRecord input, String what) {
        Object key = null;
        Object value = null;
        Map<String, String> headers = input.headers();
        // read entry by entry rather than converting the whole dict: the metadata is mostly left as it was
        for (Map.Entry<PyObject, PyObject> entry : entries(dict)) {
            PyObject name = entry.getKey();
            PyObject content = entry.getValue();
            String field = name instanceof PyString s ? s.getString() : null;
            if ("key".equals(field)) {
                key = PythonValues.toJava(content);
            } else if ("value".equals(field)) {
                value = PythonValues.toJava(content);
            } else if ("metadata".equals(field)) {
                headers = headersFromMetadata(what, content, input);
            } else {
                throw RecordError.valueError(what + " with the key " + PythonErrors.python3Repr(name)
                        + ": a record dict has only \"key\", \"value\" and \"metadata\"");
            }
        }
        return input.with(key, value, headers);
    }

    private static Iterable<Map.Entry<PyObject, PyObject>> entries(PyObject dict) {
        if (dict.getClass() == PyDictionary.class) {
            return ((PyDictionary) dict).getMap().entrySet();
        }
        // a dict subclass or a PyStringMap: through the Python protocol
        List<Map.Entry<PyObject, PyObject>> entries = new ArrayList<>();
        for (PyObject item : dict.invoke("items").asIterable()) {
            PyTuple pair = (PyTuple) item;
            entries.add(Map.entry(pair.pyget(0), pair.pyget(1)));
        }
        return entries;
    }

    /** The headers a returned record's metadata holds; the input's when it was not touched. */
    private static Map<String, String> headersFromMetadata(String what, PyObject metadata, PipelineRecord input) {
        if (metadata instanceof PyDictionary dict && dict.getMap() instanceof LazyInsertionOrderedMap lazy && !lazy.isMade()) {
            return input.headers();
        }
        if (!isDict(metadata)) {
            throw RecordError.typeError(what + " whose metadata is a " + PythonValues.typeName(metadata) + ", not a dict");
        }
        Map<?, ?> map = (Map<?, ?>) PythonValues.toJava(metadata);
        checkUnchanged(what, map, "topic", input.topic());
        checkUnchanged(what, map, "partition", (long) input.partition());
        checkUnchanged(what, map, "offset", input.offset());
        checkUnchanged(what, map, "timestamp", input.timestamp());
        return map.containsKey("headers") ? headers(what, map.get("headers")) : input.headers();
    }

    private static void checkUnchanged(String what, Map<?, ?> metadata, String name, Object original) {
        if (metadata.containsKey(name) && !Objects.equals(metadata.get(name), original)) {
            throw RecordError.valueError(what + " with metadata." + name + " = " + metadata.get(name)
                    + ", but the record's " + name + " is " + original + " and cannot be changed");
        }
    }

    private static Map<String, String> headers(String what, Object headers) {
        if (!(headers instanceof Map<?, ?> map)) {
            throw RecordError.typeError(what + " whose metadata.headers is not a dict of str to str");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> header : map.entrySet()) {
            Object value = header.getValue();
            // None is allowed: Kafka headers may have no value, and such headers must survive a round trip
            if (value != null && !(value instanceof String)) {
                throw RecordError.typeError(what + " whose metadata.headers['" + header.getKey()
                        + "'] is not a str");
            }
            out.put((String) header.getKey(), (String) value);
        }
        return out;
    }
}
