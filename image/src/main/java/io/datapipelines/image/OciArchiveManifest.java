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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the image manifest of an OCI image-layout tar (as Jib writes it): {@code index.json} names the
 * manifest, a blob under {@code blobs/sha256/}. Layer blobs are skipped over, never read into memory.
 */
final class OciArchiveManifest {
    /** Manifests, configs and indexes are kilobytes; anything bigger is a layer. */
    private static final long SMALL_BLOB = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Manifest(String digest, List<RegistryAccess.Blob> layers) {
    }

    private OciArchiveManifest() {
    }

    static Manifest read(Path archive) throws IOException {
        Map<String, byte[]> small = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && entry.getSize() <= SMALL_BLOB) {
                    small.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        byte[] index = small.get("index.json");
        if (index == null) {
            throw new IOException(archive + " is not an OCI image layout: no index.json");
        }
        String digest = JSON.readTree(index).path("manifests").path(0).path("digest").asText();
        byte[] manifest = small.get("blobs/sha256/" + digest.substring(digest.indexOf(':') + 1));
        if (manifest == null) {
            throw new IOException(archive + ": index.json names manifest " + digest + ", which the archive does not hold");
        }
        List<RegistryAccess.Blob> layers = new ArrayList<>();
        for (JsonNode layer : JSON.readTree(manifest).path("layers")) {
            layers.add(new RegistryAccess.Blob(layer.path("digest").asText(), layer.path("size").asLong()));
        }
        return new Manifest(digest, layers);
    }
}
