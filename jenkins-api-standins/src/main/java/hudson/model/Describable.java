package hudson.model;

/** Stand-in for hudson.model.Describable (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
