package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Action;

import java.util.Collection;

/** Stand-in for jenkins.model.TransientActionFactory (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class TransientActionFactory<T> implements ExtensionPoint {
    protected TransientActionFactory() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public abstract Class<T> type();

    public Class<? extends Action> actionType() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public abstract Collection<? extends Action> createFor(@NonNull T target);
}
