package hudson.util;

import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stand-in for hudson.util.DescribableList (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public class DescribableList<T extends Describable<T>, D extends Descriptor<T>> extends PersistedList<T> {
    protected DescribableList() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public <U extends T> U get(Class<U> type) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
