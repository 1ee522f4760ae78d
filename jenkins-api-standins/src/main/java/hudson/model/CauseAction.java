package hudson.model;

import jenkins.model.RunAction2;

/** Stand-in for hudson.model.CauseAction (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements FoldableAction.
public class CauseAction implements RunAction2 {
    public CauseAction(Cause c) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public CauseAction(Cause... c) {
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
