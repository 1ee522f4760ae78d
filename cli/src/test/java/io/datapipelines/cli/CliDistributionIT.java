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
 * The distribution's lib/ (what {@code ./datapipelines} and the images run): rocksdbjni and zstd-jni keep the natives of
 * the platforms the CLI and the images run on, and only those (cli/pom.xml, slim-native-jars), rewritten at one
 * timestamp; and each still loads from its slimmed jar and works here.
 */
class CliDistributionIT {
    private static final Path LIB = Path.of("target/lib");

    private static Path libJar(String name) throws IOException {
        try (Stream<Path> jars = Files.list(LIB)) {
            List<Path> found = jars.filter(p -> p.getFileName().toString().matches(name + "-[0-9].*\\.jar")).toList();
            assertThat(found).as(name + " in " + LIB).hasSize(1);
            return found.get(0);
        }
    }

    /** The jar's entries: their names, and whether every entry carries the same time (the build's, when rewritten). */
    private record Entries(List<String> names, boolean oneTime) {
        static Entries of(Path jar) throws IOException {
            List<String> names = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    names.add(entry.getName());
                    times.add(entry.getTime());
                }
            }
            return new Entries(names, times.stream().distinct().count() == 1);
        }
    }

    /** Runs a probe's main in a JVM with only that jar and the test classes: the library cannot come from elsewhere. */
    private static String probe(Path jar, Class<?> probe) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = jar.toAbsolutePath() + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath();
        Process process = new ProcessBuilder(java, "-cp", classpath, probe.getName()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(probe.getSimpleName() + " finished within 60 s").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void rocksDbKeepsTheNativesOfTheSupportedPlatformsOnly() throws IOException {
        Entries jar = Entries.of(libJar("rocksdbjni"));
        assertThat(jar.names()).as("the Java classes stay").contains("org/rocksdb/RocksDB.class");
        assertThat(jar.names().stream().filter(name -> name.startsWith("librocksdbjni-"))).containsExactlyInAnyOrder(
                "librocksdbjni-linux64.so", "librocksdbjni-linux64-musl.so",
                "librocksdbjni-linux-aarch64.so", "librocksdbjni-linux-aarch64-musl.so",
                "librocksdbjni-osx-x86_64.jnilib", "librocksdbjni-osx-arm64.jnilib",
                "librocksdbjni-win64.dll");
        assertThat(jar.oneTime()).as("rewritten reproducibly: every entry at the build's one timestamp").isTrue();
    }

    @Test
    void rocksDbLoadsFromTheSlimmedJarAndWorks() throws Exception {
        assertThat(probe(libJar("rocksdbjni"), RocksDbProbe.class)).contains("read back: value");
    }

    @Test
    void zstdKeepsTheNativesOfTheSupportedPlatformsOnly() throws IOException {
        Path path = libJar("zstd-jni");
        // zstd-jni names its natives OS/ARCH/libzstd-jni-VERSION.EXT, VERSION being the jar's
        String version = path.getFileName().toString().replaceFirst("^zstd-jni-(.*)\\.jar$", "$1");
        Entries jar = Entries.of(path);
        assertThat(jar.names()).as("the Java classes stay").contains("com/github/luben/zstd/Zstd.class");
        List<String> natives = jar.names().stream().filter(name -> name.contains("/libzstd-jni-")).toList();
        assertThat(natives).containsExactlyInAnyOrder(
                "linux/amd64/libzstd-jni-" + version + ".so", "linux/aarch64/libzstd-jni-" + version + ".so",
                "darwin/x86_64/libzstd-jni-" + version + ".dylib", "darwin/aarch64/libzstd-jni-" + version + ".dylib",
                "win/amd64/libzstd-jni-" + version + ".dll");
        // nor the dropped platforms' empty directories
        assertThat(jar.names().stream().filter(name -> name.endsWith("/") && !name.startsWith("com/") && !name.startsWith("META-INF/")))
                .allSatisfy(directory -> assertThat(natives).anySatisfy(kept -> assertThat(kept).startsWith(directory)));
        assertThat(jar.oneTime()).as("rewritten reproducibly: every entry at the build's one timestamp").isTrue();
    }

    @Test
    void zstdLoadsFromTheSlimmedJarAndWorks() throws Exception {
        assertThat(probe(libJar("zstd-jni"), ZstdProbe.class)).contains("the same bytes back");
    }
}
