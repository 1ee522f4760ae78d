package io.datapipelines.image;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A tiny 'docker save' archive (one layer with one file, no Java), for tests about the image's structure
 * and reproducibility that do not run it: fast, and made here, so they need nothing installed.
 */
public final class TinyBaseImage {
    private TinyBaseImage() {
    }

    /** Writes the archive to {@code file} (same bytes every time) and returns it. */
    public static Path write(Path file) throws IOException {
        return write(file, null);
    }

    /** The same with the label io.datapipelines.jvmci={@code jvmci} (what .ci/base-image.sh 25 sets), unless null. */
    public static Path write(Path file, String jvmci) throws IOException {
        return write(file, jvmci, null);
    }

    /** The same with also the label io.datapipelines.class-data={@code classData} (the Java 25 base's), unless null. */
    public static Path write(Path file, String jvmci, String classData) throws IOException {
        String labels = jvmci == null ? "" : ",\"Labels\":{\"" + DockerArchiveConfig.JVMCI_LABEL + "\":\"" + jvmci + "\""
                + (classData == null ? "" : ",\"" + ClassDataArchive.LABEL + "\":\"" + classData + "\"") + "}";
        byte[] layer = tar(out -> add(out, "etc/tiny-base", "a tiny base image\n".getBytes(StandardCharsets.UTF_8)));
        String diffId = "sha256:" + sha256(layer);
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"1970-01-01T00:00:00Z\","
                + "\"config\":{\"Env\":[\"PATH=/usr/bin:/bin\"]" + labels + "},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]},"
                + "\"history\":[{\"created\":\"1970-01-01T00:00:00Z\",\"created_by\":\"TinyBaseImage\"}]}";
        String manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[\"tiny:1\"],\"Layers\":[\"layer.tar\"]}]";
        byte[] archive = tar(out -> {
            add(out, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            add(out, "config.json", config.getBytes(StandardCharsets.UTF_8));
            add(out, "layer.tar", layer);
        });
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, archive);
        return file;
    }

    private interface Entries {
        void write(TarArchiveOutputStream out) throws IOException;
    }

    private static byte[] tar(Entries entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            entries.write(out);
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream out, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setModTime(0);
        entry.setMode(0644);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
