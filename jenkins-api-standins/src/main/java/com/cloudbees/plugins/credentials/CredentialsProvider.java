package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import hudson.security.Permission;

/** Stand-in for com.cloudbees.plugins.credentials.CredentialsProvider (credentials (bom-2.541.x)): the members this plugin uses, as in the public sources; bodies throw. */
// The real class is a Descriptor and an ExtensionPoint; the plugin uses its static API.
public abstract class CredentialsProvider {
    public static final Permission USE_ITEM = standIn();

    protected CredentialsProvider() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
                                                                 @NonNull Run<?, ?> run,
                                                                 DomainRequirement... domainRequirements) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    @CheckForNull
    public static <C extends Credentials> C track(@NonNull Run build, @CheckForNull C credentials) {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }

    /** Not part of the API: gives the constants above a value by throwing, like every body here. */
    private static Permission standIn() {
        throw new UnsupportedOperationException("stand-in: compile-time only");
    }
}
