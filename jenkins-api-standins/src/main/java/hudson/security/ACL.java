package hudson.security;

import org.springframework.security.core.Authentication;

/** Stand-in for hudson.security.ACL (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public abstract class ACL {
    public static final Authentication SYSTEM2 = standIn();

    protected ACL() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    private static Authentication standIn() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
