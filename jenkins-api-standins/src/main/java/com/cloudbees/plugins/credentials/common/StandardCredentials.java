package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for com.cloudbees.plugins.credentials.common.StandardCredentials (credentials (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
public interface StandardCredentials extends IdCredentials {
    @NonNull
    String getDescription();
}
