package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for com.cloudbees.plugins.credentials.common.StandardListBoxModel (credentials (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    private static final long serialVersionUID = 1L;

    @NonNull
    @Override
    protected String describe(@NonNull StandardCredentials c) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
