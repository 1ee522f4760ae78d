package com.cloudbees.plugins.credentials.common;

/** Stand-in for com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials (credentials (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {
}
