package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import java.io.IOException;
import java.io.Serializable;

/** Stand-in for org.jenkinsci.plugins.workflow.steps.StepContext (workflow-step-api (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    protected StepContext() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public abstract @CheckForNull <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(@CheckForNull Object result);

    @Override
    public abstract void onFailure(Throwable t);

    /** Saves the program's state, this step execution's included (it is Serializable). */
    public abstract ListenableFuture<Void> saveState();
}
