package hudson.security;

/** Stand-in for hudson.security.Permission (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public final class Permission {
    private Permission() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
