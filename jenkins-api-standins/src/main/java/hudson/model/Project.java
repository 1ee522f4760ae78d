package hudson.model;

import hudson.tasks.Builder;
import hudson.util.DescribableList;

import java.util.List;

/** Stand-in for hudson.model.Project (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements SCMTriggerItem, Saveable, ProjectWithMaven and BuildableItemWithBuildWrappers.
public abstract class Project<P extends Project<P, B>, B extends Build<P, B>> extends AbstractProject<P, B> {
    protected Project(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public List<Builder> getBuilders() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public DescribableList<Builder, Descriptor<Builder>> getBuildersList() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
