package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Stand-in for org.jenkinsci.plugins.workflow.steps.StepDescriptor (workflow-step-api (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class StepDescriptor extends Descriptor<Step> {
    protected StepDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();
}
