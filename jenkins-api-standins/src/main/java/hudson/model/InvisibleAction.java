package hudson.model;

/** Stand-in for hudson.model.InvisibleAction (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class InvisibleAction implements Action {
    @Override
    public final String getIconFileName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public final String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
