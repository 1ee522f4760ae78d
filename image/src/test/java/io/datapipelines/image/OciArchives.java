package io.datapipelines.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads an OCI archive (an OCI image layout in a tar, as Jib writes it) without unpacking its layers. */
final class OciArchives {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SMALL = 1 << 20;

    private OciArchives() {
    }

    /** The image's configuration (its "config" holds the Entrypoint, Env, Labels...). */
    static JsonNode config(Path archive) throws IOException {
        Map<String, byte[]> small = new HashMap<>();
        try (InputStream in = Files.newInputStream(archive); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile() && entry.getSize() < SMALL) {
                    small.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode index = JSON.readTree(required(small, "index.json"));
        JsonNode manifest = JSON.readTree(required(small, blob(index.path("manifests").path(0).path("digest").asText())));
        return JSON.readTree(required(small, blob(manifest.path("config").path("digest").asText())));
    }

    private static String blob(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }

    private static byte[] required(Map<String, byte[]> entries, String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IllegalStateException("no " + name + " in the archive (entries: " + entries.keySet() + ")");
        }
        return bytes;
    }
}
