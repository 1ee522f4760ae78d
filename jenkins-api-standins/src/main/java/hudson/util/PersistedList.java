package hudson.util;

import java.io.IOException;
import java.util.AbstractList;
import java.util.Collection;
import java.util.List;

/** Stand-in for hudson.util.PersistedList (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements Iterable (through AbstractList) with copy-on-write storage.
public class PersistedList<T> extends AbstractList<T> {
    protected PersistedList() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public void replaceBy(Collection<? extends T> col) throws IOException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public List<T> toList() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
