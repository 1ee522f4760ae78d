package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Stand-in for com.cloudbees.plugins.credentials.Credentials (credentials (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
// The real interface also extends Describable<Credentials>.
public interface Credentials extends Serializable {
}
