package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for hudson.model.User (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
// The real class extends AbstractModelObject and implements AccessControlled, DescriptorByNameOwner, Saveable,
// Comparable, ModelObjectWithContextMenu and StaplerProxy.
public class User {
    private User() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @CheckForNull
    public static User current() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public String getId() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public String getFullName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
