package io.datapipelines.kubernetes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image pinned by digest ({@code registry/repository@sha256:<64 hex>}, optionally with a
 * tag before the digest, which is then only informative). Deployments never use a tag alone: a tag can
 * move, so the same revision could run different code on different nodes.
 */
public record ImageReference(String repository, String tag, String digest) {
    // Docker's reference grammar, simplified: lower-case path components, an optional registry host with
    // a port, an optional tag, and a mandatory sha256 digest.
    private static final Pattern PINNED = Pattern.compile(
            "((?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)"
                    + "(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?@(sha256:[0-9a-f]{64})");

    public ImageReference {
        if (repository == null || digest == null) {
            throw new IllegalArgumentException("an image reference needs a repository and a digest");
        }
    }

    /**
     * @throws IllegalArgumentException with a message saying what is wrong, for a reference that is not
     *                                  pinned by a sha256 digest
     */
    public static ImageReference parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("no image given: use REPOSITORY@sha256:DIGEST");
        }
        Matcher m = PINNED.matcher(reference.strip());
        if (!m.matches()) {
            if (!reference.contains("@")) {
                throw new IllegalArgumentException("image '" + reference + "' is not pinned by digest: deployments need "
                        + "REPOSITORY@sha256:DIGEST (a tag can move; the digest printed by 'datapipelines build' cannot)");
            }
            throw new IllegalArgumentException("image '" + reference + "' is not a valid REPOSITORY@sha256:DIGEST reference "
                    + "(the digest is 'sha256:' and 64 lower-case hex digits)");
        }
        return new ImageReference(m.group(1), m.group(2), m.group(3));
    }

    /** What the pod runs: repository@digest (a tag, if given, is left out: the digest decides). */
    public String pinned() {
        return repository + "@" + digest;
    }

    @Override
    public String toString() {
        return pinned();
    }
}
