package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Stand-in for hudson.model.Item (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public interface Item extends AccessControlled {
    Permission BUILD = standIn();
    Permission CONFIGURE = standIn();
    Permission EXTENDED_READ = standIn();

    /** Not part of the API: gives the constants above a value by throwing, like every body here. */
    private static Permission standIn() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
