package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.ACL;

/** Stand-in for hudson.model.AbstractItem (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class also implements Loadable, HttpDeletable, DescriptorByNameOwner and StaplerProxy.
public abstract class AbstractItem extends Actionable implements Item {
    protected AbstractItem(ItemGroup parent, String name) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public String getFullName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public final String getUrl() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public synchronized void save() throws java.io.IOException {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    public void onCreatedFromScratch() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
