package hudson.model;

/** Stand-in for hudson.model.AbstractDescribableImpl (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    protected AbstractDescribableImpl() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @Override
    public Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
