package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.RunAction2;

import java.util.List;

/** Stand-in for hudson.model.ParametersAction (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements Iterable<ParameterValue>, EnvironmentContributingAction and LabelAssignmentAction.
public class ParametersAction implements RunAction2, Queue.QueueAction {
    public ParametersAction(@NonNull List<ParameterValue> parameters) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** The parameters the job defines (and those declared safe): what the build ran with. */
    public List<ParameterValue> getParameters() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public boolean shouldSchedule(List<Action> actions) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
