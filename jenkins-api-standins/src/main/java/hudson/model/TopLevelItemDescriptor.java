package hudson.model;

/** Stand-in for hudson.model.TopLevelItemDescriptor (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class TopLevelItemDescriptor extends Descriptor<TopLevelItem> {
    protected TopLevelItemDescriptor(Class<? extends TopLevelItem> clazz) {
        super(clazz);
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    protected TopLevelItemDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public String getDescription() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public String getCategoryId() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public String getIconClassName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public abstract TopLevelItem newInstance(ItemGroup parent, String name);
}
