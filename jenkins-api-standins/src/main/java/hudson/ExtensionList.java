package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for hudson.ExtensionList (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public class ExtensionList<T> {
    protected ExtensionList() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public static @NonNull <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
