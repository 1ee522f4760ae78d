package io.datapipelines.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The image a pipeline image is built on: it must provide {@code java} (17 or later) on the PATH.
 * Either an image in a registry (a tag is resolved to a digest once, at the start of a build, and the
 * build uses and records that digest) or a local {@code docker save} archive, for offline builds.
 */
public sealed interface BaseImage permits BaseImage.Registry, BaseImage.DockerArchive {

    /** The prefix that names a local archive on the command line: {@code docker-archive:PATH}. */
    String DOCKER_ARCHIVE_PREFIX = "docker-archive:";

    /** An image in a registry, by tag or by digest. */
    record Registry(ImageReference reference) implements BaseImage {
        public Registry {
            Objects.requireNonNull(reference, "reference");
        }

        /** Whether the reference names a digest already (nothing to resolve). */
        public boolean pinned() {
            return reference.getDigest().isPresent();
        }

        @Override
        public String toString() {
            return reference.toString();
        }
    }

    /**
     * A {@code docker save} archive: a tar with {@code manifest.json}, the image configuration and one tar
     * (plain or gzip-compressed) per layer. OCI-layout archives are not accepted as a base (Jib reads the
     * Docker layout only).
     */
    record DockerArchive(Path file) implements BaseImage {
        public DockerArchive {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String toString() {
            return DOCKER_ARCHIVE_PREFIX + file;
        }
    }

    /**
     * Reads {@code docker-archive:PATH} or an image reference ({@code registry/repository:tag} or
     * {@code registry/repository@sha256:...}).
     *
     * @throws IllegalArgumentException with a message naming what is wrong: an unreadable archive or a
     *                                  malformed reference
     */
    static BaseImage parse(String text) {
        if (text.startsWith(DOCKER_ARCHIVE_PREFIX)) {
            Path file = Path.of(text.substring(DOCKER_ARCHIVE_PREFIX.length()));
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("base image " + text + ": no such file");
            }
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("base image " + text + ": cannot be read");
            }
            return new DockerArchive(file);
        }
        try {
            return new Registry(ImageReference.parse(text));
        } catch (InvalidImageReferenceException e) {
            throw new IllegalArgumentException("base image '" + text + "' is neither an image reference "
                    + "(registry/repository:tag or @sha256:...) nor " + DOCKER_ARCHIVE_PREFIX + "PATH");
        }
    }
}
