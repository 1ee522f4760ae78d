package io.jenkins.plugins.datapipelines;

import java.util.regex.Pattern;

/**
 * An image pinned by digest, {@code REPOSITORY@sha256:HEX}: what gets deployed and recorded, never a tag, so a
 * deployment always means exactly one image.
 */
public record ImageReference(String repository, String digest) {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    public ImageReference {
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("'" + digest + "' is not a sha256 image digest");
        }
        if (repository.isEmpty() || repository.contains("@")) {
            throw new IllegalArgumentException("'" + repository + "' is not an image repository");
        }
    }

    /**
     * From a build result's {@code image} (a repository, possibly with a tag or already with this digest) and its
     * {@code digest}.
     */
    public static ImageReference of(String image, String digest) {
        String repository = image;
        int at = repository.indexOf('@');
        if (at >= 0) {
            if (!repository.substring(at + 1).equals(digest)) {
                throw new IllegalArgumentException("image '" + image + "' does not carry the digest " + digest);
            }
            repository = repository.substring(0, at);
        }
        int slash = repository.lastIndexOf('/');
        int colon = repository.lastIndexOf(':');
        if (colon > slash) {
            repository = repository.substring(0, colon); // a tag: the digest says which image it is
        }
        return new ImageReference(repository, digest);
    }

    public static boolean isDigest(String value) {
        return value != null && DIGEST.matcher(value).matches();
    }

    /**
     * The id Jenkins' fingerprint database files this image under. Fingerprints are keyed by 32 hex digits (an
     * MD5 for files); an image's are the first 32 of its SHA-256, as the Docker plugins do.
     */
    public String fingerprintId() {
        return digest.substring("sha256:".length(), "sha256:".length() + 32);
    }

    @Override
    public String toString() {
        return repository + "@" + digest;
    }
}
