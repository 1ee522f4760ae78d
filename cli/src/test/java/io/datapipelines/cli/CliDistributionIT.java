package io.datapipelines.cli;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution's lib/ (what {@code ./datapipelines} and the images run): rocksdbjni keeps the natives of the
 * platforms the CLI and the images run on, and only those (cli/pom.xml, slim-rocksdbjni), and RocksDB still loads
 * from it and works here.
 */
class CliDistributionIT {
    private static final Path LIB = Path.of("target/lib");

    private static Path rocksDbJar() throws IOException {
        try (Stream<Path> jars = Files.list(LIB)) {
            List<Path> found = jars.filter(p -> p.getFileName().toString().matches("rocksdbjni-.*\\.jar")).toList();
            assertThat(found).as("rocksdbjni in " + LIB).hasSize(1);
            return found.get(0);
        }
    }

    @Test
    void rocksDbKeepsTheNativesOfTheSupportedPlatformsOnly() throws IOException {
        List<String> natives = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        try (ZipFile jar = new ZipFile(rocksDbJar().toFile())) {
            for (ZipEntry entry : Collections.list(jar.entries())) {
                times.add(entry.getTime());
                if (entry.getName().startsWith("librocksdbjni-")) {
                    natives.add(entry.getName());
                }
            }
            assertThat(jar.getEntry("org/rocksdb/RocksDB.class")).as("the Java classes stay").isNotNull();
        }
        assertThat(natives).containsExactlyInAnyOrder(
                "librocksdbjni-linux64.so", "librocksdbjni-linux64-musl.so",
                "librocksdbjni-linux-aarch64.so", "librocksdbjni-linux-aarch64-musl.so",
                "librocksdbjni-osx-x86_64.jnilib", "librocksdbjni-osx-arm64.jnilib",
                "librocksdbjni-win64.dll");
        // rewritten reproducibly: every entry carries the build's one timestamp
        assertThat(times.stream().distinct()).hasSize(1);
    }

    @Test
    void rocksDbLoadsFromTheSlimmedJarAndWorks() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // only the slimmed jar and this probe: RocksDB cannot come from anywhere else
        String classpath = rocksDbJar().toAbsolutePath() + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath();
        Process process = new ProcessBuilder(java, "-cp", classpath, RocksDbProbe.class.getName()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe finished within 60 s").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("read back: value");
    }
}
