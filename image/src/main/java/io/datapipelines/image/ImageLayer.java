package io.datapipelines.image;

import java.util.Objects;

/**
 * One layer of a built image, as its manifest lists it.
 *
 * @param name   {@code base} for the base image's layers, else the layer this module adds:
 *               {@code dependencies}, {@code runtime} or {@code pipeline}
 * @param digest the compressed blob's digest ({@code sha256:...})
 * @param size   the compressed blob's size in bytes
 * @param pushed whether this build uploaded the blob; false when the registry had it already (or it was
 *               mounted from another repository there), and always false for an archive
 */
public record ImageLayer(String name, String digest, long size, boolean pushed) {
    public ImageLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(digest, "digest");
    }
}
