package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for com.cloudbees.plugins.credentials.common.UsernameCredentials (credentials (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
public interface UsernameCredentials extends Credentials {
    @NonNull
    String getUsername();

    /**
     * Whether the username is a secret too, for masking in build logs (since credentials 2.4). The real default is
     * true; the stand-in's throws like every body here.
     */
    default boolean isUsernameSecret() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
