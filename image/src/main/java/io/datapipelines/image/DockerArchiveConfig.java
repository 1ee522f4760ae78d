package io.datapipelines.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels of a {@code docker save} archive's image configuration: how a build learns, offline, what a
 * local base image provides (the Java 25 base says {@value #JVMCI_LABEL}). Reads the tar twice at most
 * (manifest.json names the configuration file), without unpacking the layers.
 */
final class DockerArchiveConfig {
    /** Set by .ci/base-image.sh 25: the JDK's runtime version, whose JVMCI the Graal compiler must match. */
    static final String JVMCI_LABEL = "io.datapipelines.jvmci";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A configuration is a few kilobytes; a larger entry is not one (and is not read into memory). */
    static final long MAX_JSON = 4L * 1024 * 1024;

    private DockerArchiveConfig() {
    }

    static Map<String, String> labels(Path archive) throws ImageBuildException {
        try {
            JsonNode manifest = JSON.readTree(entry(archive, "manifest.json"));
            String configName = manifest.path(0).path("Config").asText("");
            if (configName.isEmpty()) {
                throw new ImageBuildException(archive + ": manifest.json names no image configuration (is it a 'docker save' archive?)");
            }
            return labelsOf(entry(archive, configName));
        } catch (IOException e) {
            throw new ImageBuildException("cannot read the base image " + archive + ": " + e.getMessage(), e);
        }
    }

    /** The labels of an image configuration (JSON, at most {@link #MAX_JSON} bytes), as a registry also serves it. */
    static Map<String, String> labelsOf(byte[] configuration) throws IOException {
        JsonNode labels = JSON.readTree(configuration).path("config").path("Labels");
        Map<String, String> result = new TreeMap<>();
        labels.fields().forEachRemaining(field -> result.put(field.getKey(), field.getValue().asText()));
        return result;
    }

    private static byte[] entry(Path archive, String name) throws IOException, ImageBuildException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(file)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals(name) || entry.getName().equals("./" + name)) {
                    if (entry.getSize() > MAX_JSON) {
                        throw new ImageBuildException(archive + ": " + name + " is " + entry.getSize() + " bytes, not an image configuration");
                    }
                    return tar.readAllBytes();
                }
            }
        }
        throw new ImageBuildException(archive + " has no " + name + " (is it a 'docker save' archive?)");
    }
}
