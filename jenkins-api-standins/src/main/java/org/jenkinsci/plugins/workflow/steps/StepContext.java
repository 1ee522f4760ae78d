package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.Serializable;

/** Stand-in for org.jenkinsci.plugins.workflow.steps.StepContext (workflow-step-api (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements Guava's FutureCallback<Object>.
public abstract class StepContext implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepContext() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public abstract @CheckForNull <T> T get(Class<T> key) throws IOException, InterruptedException;
}
