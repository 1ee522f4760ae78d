package io.datapipelines.image;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to log in to a registry: a username and password (or an access token used as one), an OAuth2
 * identity token, a Docker {@code config.json} (with its {@code auths}, {@code credHelpers} and
 * {@code credsStore}), or nothing. Holds secrets in memory only: {@link #toString()} says where they
 * came from, never what they are.
 */
public final class RegistryCredentials {
    /** Jib's (and Docker's) marker for an identity token: the username that means "the password is a token". */
    private static final String IDENTITY_TOKEN_USERNAME = "<token>";

    private final Credential credential;
    private final Path dockerConfig;
    private final boolean defaultDockerConfig;
    private final String description;

    private RegistryCredentials(Credential credential, Path dockerConfig, boolean defaultDockerConfig, String description) {
        this.credential = credential;
        this.dockerConfig = dockerConfig;
        this.defaultDockerConfig = defaultDockerConfig;
        this.description = description;
    }

    /** No login at all. */
    public static RegistryCredentials anonymous() {
        return new RegistryCredentials(null, null, false, "anonymous");
    }

    /**
     * What {@code docker login} left: {@code $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json},
     * with any credential helper it names; anonymous where it has nothing for the registry.
     */
    public static RegistryCredentials defaultDockerConfig() {
        return new RegistryCredentials(null, null, true, "the default Docker config");
    }

    /** A Docker {@code config.json} at {@code file}. */
    public static RegistryCredentials dockerConfig(Path file) {
        Objects.requireNonNull(file, "file");
        return new RegistryCredentials(null, file, false, "Docker config " + file);
    }

    /**
     * A username and password; registries that issue access tokens (GitHub, GitLab, cloud registries) take
     * the token as the password.
     *
     * @param source where they came from, for messages (e.g. "REGISTRY_USER/REGISTRY_PASSWORD")
     */
    public static RegistryCredentials usernamePassword(String username, String password, String source) {
        requireText(username, "username");
        requireText(password, "password");
        return new RegistryCredentials(Credential.from(username, password), null, false, "username and password from " + source);
    }

    /**
     * An OAuth2 identity (refresh) token, as {@code identitytoken} in a Docker config: the registry's token
     * service exchanges it for access tokens.
     */
    public static RegistryCredentials identityToken(String token, String source) {
        requireText(token, "token");
        return new RegistryCredentials(Credential.from(IDENTITY_TOKEN_USERNAME, token), null, false, "identity token from " + source);
    }

    /** Jib's credential retrievers for an image, in the order they are tried. */
    List<CredentialRetriever> retrievers(ImageReference image, Consumer<LogEvent> logger) {
        CredentialRetrieverFactory factory = CredentialRetrieverFactory.forImage(image, logger);
        List<CredentialRetriever> retrievers = new ArrayList<>();
        if (credential != null) {
            retrievers.add(factory.known(credential, description));
        }
        if (dockerConfig != null) {
            retrievers.add(factory.dockerConfig(dockerConfig));
        }
        if (defaultDockerConfig) {
            retrievers.add(factory.dockerConfig());
        }
        return retrievers;
    }

    /** The first credential a retriever has for {@code image}, if any. */
    Optional<Credential> retrieve(ImageReference image, Consumer<LogEvent> logger) throws ImageBuildException {
        for (CredentialRetriever retriever : retrievers(image, logger)) {
            try {
                Optional<Credential> found = retriever.retrieve();
                if (found.isPresent()) {
                    return found;
                }
            } catch (CredentialRetrievalException e) {
                throw new ImageBuildException("cannot read the credentials for " + image.getRegistry() + " from " + description
                        + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the registry " + what + " is empty");
        }
    }

    /** Where the credentials come from; never the secret itself. */
    @Override
    public String toString() {
        return "RegistryCredentials[" + description + "]";
    }
}
