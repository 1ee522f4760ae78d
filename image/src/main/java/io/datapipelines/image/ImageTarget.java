package io.datapipelines.image;

import com.google.cloud.tools.jib.api.ImageReference;

import java.nio.file.Path;
import java.util.Objects;

/** Where a built image goes: pushed to a registry, or written as an OCI archive for air-gapped transfer. */
public sealed interface ImageTarget permits ImageTarget.Registry, ImageTarget.OciArchive {

    /** The repository the image is (or, for an archive, will be) pushed to. */
    ImageReference repository();

    /** Pushes to {@code repository} (its tag, if any, is ignored: tags are given to the builder). */
    record Registry(ImageReference repository) implements ImageTarget {
        public Registry {
            Objects.requireNonNull(repository, "repository");
        }
    }

    /**
     * Writes an OCI image-layout tar ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/...}) to
     * {@code file}. Copied to a registry blob for blob ({@code skopeo copy oci-archive:FILE docker://...}),
     * the image keeps the digest the build reported.
     */
    record OciArchive(Path file, ImageReference repository) implements ImageTarget {
        public OciArchive {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(repository, "repository");
        }
    }
}
