package io.datapipelines.cli;

import com.github.luben.zstd.Zstd;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Run by {@link CliDistributionIT} in a JVM of its own with the distribution's zstd-jni jar alone: loads this
 * platform's native library from it (as Kafka's clients do for a zstd-compressed batch), compresses a buffer,
 * decompresses it and prints whether the round trip gave the same bytes.
 */
public final class ZstdProbe {
    private ZstdProbe() {
    }

    public static void main(String[] args) {
        byte[] original = "a zstd-compressed Kafka batch, ".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] compressed = Zstd.compress(original);
        byte[] restored = Zstd.decompress(compressed, original.length);
        System.out.println("round trip: " + original.length + " bytes, " + compressed.length + " compressed, "
                + (Arrays.equals(original, restored) ? "the same bytes back" : "OTHER bytes back"));
    }
}
