package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for com.cloudbees.plugins.credentials.common.IdCredentials (credentials (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
public interface IdCredentials extends Credentials {
    @NonNull
    String getId();
}
