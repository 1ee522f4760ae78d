package io.datapipelines.image;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.global.JibSystemProperties;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.image.json.BuildableManifestTemplate;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.image.json.V22ManifestListTemplate;
import com.google.cloud.tools.jib.registry.ManifestAndDigest;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The registry reads a build needs besides Jib's own: resolving a base image tag to its digest before the build
 * (so the build uses, and the image records, that digest), a JIT build's base's labels, and reading the pushed
 * manifest back (for the layer report). Both go through Jib's registry client, with its authentication (basic or bearer
 * token) and its rule that plain HTTP is used only for insecure registries.
 */
final class RegistryAccess implements AutoCloseable {
    /** A layer as a manifest lists it. */
    record Blob(String digest, long size) {
    }

    private final FailoverHttpClient http;
    private final EventHandlers events;
    private final Consumer<LogEvent> logger;
    private final boolean allowInsecure;

    RegistryAccess(boolean allowInsecure, Consumer<LogEvent> logger) {
        this.logger = logger;
        this.allowInsecure = allowInsecure;
        this.events = EventHandlers.builder().add(LogEvent.class, logger).build();
        this.http = new FailoverHttpClient(allowInsecure, JibSystemProperties.sendCredentialsOverHttp(), logger);
    }

    /**
     * Fails at once, with a clear message, where Jib would retry for a minute: a registry that does not
     * answer at all, or that answers only plain HTTP (or with an untrusted certificate) when that is not
     * allowed. Any HTTP answer to {@code /v2/} (401 included) means the registry is there.
     */
    void checkReachable(ImageReference reference) throws ImageBuildException {
        String registry = reference.getRegistry();
        try {
            probe("https://" + registry + "/v2/");
        } catch (javax.net.ssl.SSLException e) {
            if (!allowInsecure) {
                throw failure("use the registry", reference, new InsecureRegistryException(null, e));
            }
        } catch (java.net.ConnectException | java.net.UnknownHostException | java.net.SocketTimeoutException e) {
            throw new ImageBuildException("cannot reach the registry " + registry + ": " + e.getMessage(), e);
        } catch (IOException e) {
            // anything else: let Jib try, and report what it finds
        }
    }

    private static void probe(String url) throws IOException {
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        try {
            connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    /** The digest of the manifest (or manifest list) a tag points to now. */
    String resolve(ImageReference reference, RegistryCredentials credentials) throws ImageBuildException {
        String tag = reference.getQualifier();
        try {
            Optional<ManifestAndDigest<ManifestTemplate>> manifest = client(reference, credentials).checkManifest(tag);
            return manifest.orElseThrow(() -> new ImageBuildException("base image " + reference + ": no such tag in the registry"))
                    .getDigest().toString();
        } catch (IOException | RegistryException e) {
            throw failure("resolve the base image " + reference, reference, e);
        }
    }

    /** The layers of the manifest {@code digest} in {@code repository}, base first. */
    List<Blob> layers(ImageReference repository, String digest, RegistryCredentials credentials) throws ImageBuildException {
        try {
            ManifestTemplate manifest = client(repository, credentials).pullManifest(digest).getManifest();
            if (!(manifest instanceof BuildableManifestTemplate image)) {
                throw new ImageBuildException(repository + "@" + digest + " is a manifest list, not an image");
            }
            return image.getLayers().stream().map(layer -> new Blob(layer.getDigest().toString(), layer.getSize())).toList();
        } catch (IOException | RegistryException e) {
            throw failure("read back the manifest of " + repository + "@" + digest, repository, e);
        }
    }

    /**
     * The labels of the image {@code reference} (by digest or tag; of a manifest list, its linux/amd64 image): what a
     * registry base says it provides, as {@link DockerArchiveConfig#labels} reads it from an archive.
     */
    Map<String, String> labels(ImageReference reference, RegistryCredentials credentials) throws ImageBuildException {
        try {
            RegistryClient client = client(reference, credentials);
            ManifestTemplate manifest = client.pullManifest(reference.getQualifier()).getManifest();
            if (manifest instanceof V22ManifestListTemplate list) {
                List<String> images = list.getDigestsForPlatform("amd64", "linux");
                if (images.isEmpty()) {
                    return Map.of();
                }
                manifest = client.pullManifest(images.get(0)).getManifest();
            }
            if (!(manifest instanceof BuildableManifestTemplate image) || image.getContainerConfiguration() == null) {
                return Map.of();
            }
            BuildableManifestTemplate.ContentDescriptorTemplate configuration = image.getContainerConfiguration();
            if (configuration.getSize() > DockerArchiveConfig.MAX_JSON) {
                throw new ImageBuildException("the base image " + reference + " has a configuration of " + configuration.getSize()
                        + " bytes, not an image configuration");
            }
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            client.pullBlob(configuration.getDigest(), size -> { }, written -> { }).writeTo(json);
            return DockerArchiveConfig.labelsOf(json.toByteArray());
        } catch (IOException | RegistryException e) {
            throw failure("read the configuration of the base image " + reference, reference, e);
        }
    }

    private RegistryClient client(ImageReference reference, RegistryCredentials credentials)
            throws ImageBuildException, IOException, RegistryException {
        Optional<Credential> credential = credentials.retrieve(reference, logger);
        RegistryClient client = RegistryClient.factory(events, reference.getRegistry(), reference.getRepository(), http)
                .setCredential(credential.orElse(null))
                .newRegistryClient();
        boolean bearer = client.doPullBearerAuth();
        if (!bearer && credential.isPresent() && !credential.get().isOAuth2RefreshToken()) {
            client.configureBasicAuth();
        }
        return client;
    }

    /** A registry failure as a message for the user. */
    static ImageBuildException failure(String what, ImageReference reference, Exception e) {
        String registry = reference.getRegistry();
        if (e instanceof InsecureRegistryException) {
            return new ImageBuildException("cannot " + what + ": " + registry + " does not answer over HTTPS with a trusted "
                    + "certificate; for a registry on localhost or a trusted network, use --insecure (allows plain HTTP and "
                    + "unverified certificates)", e);
        }
        if (e instanceof RegistryUnauthorizedException) {
            return new ImageBuildException("cannot " + what + ": " + registry + " refused the credentials (or none were given)", e);
        }
        if (e instanceof RegistryCredentialsNotSentException) {
            return new ImageBuildException("cannot " + what + ": " + registry + " wants a login but answers over plain HTTP only, and "
                    + "credentials are not sent unencrypted unless the JVM runs with -DsendCredentialsOverHttp=true "
                    + "(DATAPIPELINES_JAVA_OPTS; on a trusted network only)", e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ImageBuildException("cannot " + what + " at " + registry + ": " + message, e);
    }

    @Override
    public void close() throws IOException {
        http.shutDown();
    }
}
