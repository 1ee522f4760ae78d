package io.jenkins.plugins.datapipelines;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.regex.Pattern;

/**
 * A release artifact in a Maven repository (Maven Central, or an internal Nexus/Artifactory mirror) and the URL of its
 * file in the repository's standard layout: {@code REPO/group/path/artifact/version/artifact-version[-classifier].type}.
 * SNAPSHOT versions are refused: their file names change with each deploy (maven-metadata.xml), so no SHA-256 could
 * be given for them.
 */
public record MavenArtifact(String repositoryUrl, String groupId, String artifactId, String version, String classifier, String type) {
    public static final String DEFAULT_GROUP_ID = "io.datapipelines";
    public static final String DEFAULT_ARTIFACT_ID = "datapipelines-cli";
    public static final String DEFAULT_CLASSIFIER = "distribution";
    public static final String TYPE = "zip";
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]+");

    public MavenArtifact {
        require("groupId", groupId);
        require("artifactId", artifactId);
        require("version", version);
        if (classifier != null && !classifier.isEmpty()) {
            require("classifier", classifier);
        }
        require("type", type);
        if (version.endsWith("-SNAPSHOT")) {
            throw new IllegalArgumentException(Messages.FieldChecks_SnapshotVersion());
        }
        if (repositoryUrl == null || repositoryUrl.isBlank()) {
            throw new IllegalArgumentException("the Maven repository URL is empty");
        }
    }

    /** The Data Pipelines CLI distribution zip of a version, from a repository. */
    public static MavenArtifact cliDistribution(String repositoryUrl, String version) {
        return new MavenArtifact(repositoryUrl, DEFAULT_GROUP_ID, DEFAULT_ARTIFACT_ID, version, DEFAULT_CLASSIFIER, TYPE);
    }

    private static void require(String what, String value) {
        if (value == null || !PART.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("not a Maven " + what + ": '" + (value == null ? "" : value) + "'");
        }
    }

    /** The file's URL in the repository. */
    public URL url() throws MalformedURLException {
        String base = repositoryUrl.trim();
        if (!base.endsWith("/")) {
            base += "/";
        }
        String file = artifactId + "-" + version + (classifier == null || classifier.isEmpty() ? "" : "-" + classifier) + "." + type;
        String path = groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + file;
        try {
            return new URI(base).resolve(path).toURL();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new MalformedURLException("not a repository URL: '" + repositoryUrl + "' (" + e.getMessage() + ")");
        }
    }
}
