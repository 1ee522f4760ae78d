package io.datapipelines.image;

import com.google.cloud.tools.jib.api.ImageReference;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PipelineImage.Builder#build()} made: an immutable image, known by its digest.
 *
 * @param image        the image by digest ({@code registry/repository@sha256:...}): what deployments use
 * @param digest       the manifest digest ({@code sha256:...}); for an archive, the digest the image has
 *                     once its blobs are copied to a registry unchanged (e.g. {@code skopeo copy oci-archive:...})
 * @param tags         the tags pushed (or named in the archive) along with the digest
 * @param revisionHash the definition's revision hash (SHA-256 of its canonical form)
 * @param pipeline     the pipeline's name
 * @param baseImage    the base image by digest, or {@code docker-archive:FILE} for a local one
 * @param layers       the manifest's layers, base first
 * @param duration     how long the build (and push) took
 */
public record BuiltImage(ImageReference image, String digest, List<String> tags, String revisionHash, String pipeline,
                         String baseImage, List<ImageLayer> layers, Duration duration) {
    public BuiltImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(digest, "digest");
        tags = List.copyOf(tags);
        layers = List.copyOf(layers);
    }

    /** Bytes this build uploaded: the sizes of the layers it pushed. */
    public long bytesPushed() {
        return layers.stream().filter(ImageLayer::pushed).mapToLong(ImageLayer::size).sum();
    }

    /** The image's size in a registry: the sum of its compressed layers. */
    public long compressedSize() {
        return layers.stream().mapToLong(ImageLayer::size).sum();
    }
}
