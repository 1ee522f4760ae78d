package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for hudson.model.Descriptor (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class Descriptor<T extends Describable<T>> {
    public final transient Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    protected Descriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** Raw, as in the real class: a marker class that the constructor recognises. */
    @SuppressWarnings("rawtypes")
    protected static Class self() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
