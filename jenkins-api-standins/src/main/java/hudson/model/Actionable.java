package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

import java.util.List;

/** Stand-in for hudson.model.Actionable (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class Actionable {
    protected Actionable() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
