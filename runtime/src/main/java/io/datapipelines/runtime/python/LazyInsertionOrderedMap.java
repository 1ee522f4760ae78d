package io.datapipelines.runtime.python;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.python.core.PyObject;

/**
 * The backing map of a dict whose entries are made only when something looks at them, for the parts of
 * a record that user code seldom reads: {@code record["metadata"]} (topic, partition, offset, timestamp
 * and the headers dict) would otherwise be built for every record and read back after every record
 * transform. A record transform whose result still holds this map unmade has not touched the metadata,
 * so the input's headers can be kept without reading anything back ({@link #isMade()}).
 *
 * <p>Every operation makes the entries first, so Python sees an ordinary insertion-ordered dict. Not
 * thread-safe, like {@link InsertionOrderedMap}.
 */
final class LazyInsertionOrderedMap extends AbstractMap<PyObject, PyObject> implements ConcurrentMap<PyObject, PyObject> {
    private Supplier<InsertionOrderedMap> maker;
    private InsertionOrderedMap entries;

    LazyInsertionOrderedMap(Supplier<InsertionOrderedMap> maker) {
        this.maker = maker;
    }

    /** Whether anything has looked at (or changed) the entries. */
    boolean isMade() {
        return entries != null;
    }

    private InsertionOrderedMap entries() {
        if (entries == null) {
            entries = maker.get();
            maker = null;
        }
        return entries;
    }

    @Override
    public int size() {
        return entries().size();
    }

    @Override
    public boolean isEmpty() {
        return entries().isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries().containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return entries().containsValue(value);
    }

    @Override
    public PyObject get(Object key) {
        return entries().get(key);
    }

    @Override
    public PyObject put(PyObject key, PyObject value) {
        return entries().put(key, value);
    }

    @Override
    public PyObject remove(Object key) {
        return entries().remove(key);
    }

    @Override
    public void putAll(Map<? extends PyObject, ? extends PyObject> map) {
        entries().putAll(map);
    }

    @Override
    public void clear() {
        entries().clear();
    }

    @Override
    public Set<PyObject> keySet() {
        return entries().keySet();
    }

    @Override
    public Collection<PyObject> values() {
        return entries().values();
    }

    @Override
    public Set<Map.Entry<PyObject, PyObject>> entrySet() {
        return entries().entrySet();
    }

    @Override
    public PyObject putIfAbsent(PyObject key, PyObject value) {
        return entries().putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return entries().remove(key, value);
    }

    @Override
    public boolean replace(PyObject key, PyObject oldValue, PyObject newValue) {
        return entries().replace(key, oldValue, newValue);
    }

    @Override
    public PyObject replace(PyObject key, PyObject value) {
        return entries().replace(key, value);
    }
}
