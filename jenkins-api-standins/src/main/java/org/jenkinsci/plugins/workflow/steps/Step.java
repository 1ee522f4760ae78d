package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Stand-in for org.jenkinsci.plugins.workflow.steps.Step (workflow-step-api (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    protected Step() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
