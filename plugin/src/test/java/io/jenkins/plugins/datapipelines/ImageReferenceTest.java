package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageReferenceTest {
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void aTagIsDroppedBecauseTheDigestSaysWhichImage() {
        assertEquals("localhost:5000/team/orders@" + DIGEST, ImageReference.of("localhost:5000/team/orders:1.2", DIGEST).toString());
        assertEquals("localhost:5000/team/orders@" + DIGEST, ImageReference.of("localhost:5000/team/orders", DIGEST).toString());
    }

    @Test
    void aReferenceByDigestMustCarryThatDigest() {
        assertEquals(new ImageReference("r/o", DIGEST), ImageReference.of("r/o@" + DIGEST, DIGEST));
        assertThrows(IllegalArgumentException.class, () -> ImageReference.of("r/o@sha256:" + "0".repeat(64), DIGEST));
    }

    @Test
    void onlySha256DigestsAreDigests() {
        assertTrue(ImageReference.isDigest(DIGEST));
        assertFalse(ImageReference.isDigest("sha256:ABC"));
        assertFalse(ImageReference.isDigest("sha512:" + "0".repeat(128)));
        assertThrows(IllegalArgumentException.class, () -> new ImageReference("r/o", "latest"));
    }

    @Test
    void theFingerprintIdIsTheFirst32HexDigitsOfTheDigest() {
        assertEquals("0123456789abcdef0123456789abcdef", new ImageReference("r/o", DIGEST).fingerprintId());
    }
}
