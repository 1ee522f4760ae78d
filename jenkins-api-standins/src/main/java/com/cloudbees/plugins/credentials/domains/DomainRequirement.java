package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

/** Stand-in for com.cloudbees.plugins.credentials.domains.DomainRequirement (credentials (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
public class DomainRequirement implements Serializable {
    private static final long serialVersionUID = 1L;

    public DomainRequirement() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
