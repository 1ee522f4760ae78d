package io.datapipelines.image;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;

import java.util.Optional;

/** For the CLI's tests: the credential a {@link RegistryCredentials} gives a registry, read as the build reads it. */
public final class RegistryCredentialsProbe {
    private RegistryCredentialsProbe() {
    }

    public static Optional<Credential> credentialFor(RegistryCredentials credentials, String image) throws Exception {
        return credentials.retrieve(ImageReference.parse(image), event -> { });
    }
}
