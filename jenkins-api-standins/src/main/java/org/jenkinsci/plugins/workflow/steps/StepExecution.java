package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** Stand-in for org.jenkinsci.plugins.workflow.steps.StepExecution (workflow-step-api (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepExecution(@NonNull StepContext context) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public @NonNull StepContext getContext() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public abstract boolean start() throws Exception;

    /** Called after a controller restart, when the program resumes with this execution still running. */
    public void onResume() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
