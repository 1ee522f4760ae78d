package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for hudson.security.AccessControlled (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public interface AccessControlled {
    @NonNull
    ACL getACL();

    default void checkPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
