package hudson.model;

/**
 * Stand-in for hudson.model.AbstractDescribableImpl (jenkins-core 2.541.3): as in the public sources, deprecated since
 * 2.505 ("Implement Describable directly") and empty; Describable's default getDescriptor() does the work.
 */
@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
