package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution (workflow-step-api (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** The real one fails the step (SynchronousResumeNotSupportedException). */
    @Override
    public void onResume() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
