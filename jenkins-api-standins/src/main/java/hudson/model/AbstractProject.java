package hudson.model;

import jenkins.model.ParameterizedJobMixIn;

/** Stand-in for hudson.model.AbstractProject (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements LazyBuildMixIn.LazyLoadingJob.
@SuppressWarnings("rawtypes")
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R>
        implements BuildableItem, ParameterizedJobMixIn.ParameterizedJob<P, R> {
    protected AbstractProject(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    protected abstract Class<R> getBuildClass();

    @Override
    public void onCreatedFromScratch() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** As the real one: no constructor of its own (the implicit no-argument one, describing the class it is nested in). */
    public abstract static class AbstractProjectDescriptor extends TopLevelItemDescriptor {
    }
}
