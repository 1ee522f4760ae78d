package io.datapipelines.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.ImageReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JIT image on the real Java 25 base (.ci/base-image.sh 25), run: its layers unpacked into a directory and
 * its java started there under chroot, as the image's user, with the image's environment, JVM flags and class
 * path, on {@link GraalPyProbe}. GraalPy must run on the Graal JIT ("GraalVM CE", not "Interpreted": a
 * compiler that does not match the base's JVMCI would fall back silently) and read the time-zone database
 * the base carries, and GraalPy's and the compiler's classes must come from the base's class-data archive (the JVM
 * maps it only when the image's class path and module path are the ones it was dumped with). Needs root (chroot,
 * mount); under CI=true it fails rather than skips without them.
 */
class GraalJitChrootTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theJitImagesJavaRunsGraalPyOnTheGraalJitWithTzdata() throws Exception {
        JreBaseImage.require("root".equals(System.getProperty("user.name")), "chroot needs root; this runs as " + System.getProperty("user.name"));
        JreBaseImage.require(Files.isExecutable(Path.of("/usr/sbin/chroot")), "no /usr/sbin/chroot");
        Path base = JreBaseImage.jvmciArchive();
        RuntimeClasspath runtime = RuntimeClasspath.current();
        GraalCompiler compiler = GraalCompiler.in(Path.of("target", GraalCompiler.DISTRIBUTION_DIRECTORY));

        Path archive = dir.resolve("image.tar");
        PipelineImage.builder()
                .definition(Examples.ordersCleanup())
                .runtime(runtime)
                .base(BaseImage.parse("docker-archive:" + base))
                .graalJit(compiler)
                .to(new ImageTarget.OciArchive(archive, ImageReference.parse("registry.example.com/pipelines/orders")))
                .cacheDirectory(dir.resolve("cache"))
                .build();

        Path layout = Files.createDirectories(dir.resolve("oci"));
        run("tar", "-xf", archive.toString(), "-C", layout.toString());
        Path rootfs = dir.resolve("rootfs");
        JsonNode config = unpack(layout, rootfs);
        assertThat(rootfs.resolve("usr/share/zoneinfo/Europe/Berlin")).isRegularFile();
        assertThat(config.path("config").path("Labels").path(DockerArchiveConfig.JVMCI_LABEL).asText()).startsWith("25.0.3");
        assertThat(rootfs.resolve(ClassDataArchive.FILE.substring(1))).isRegularFile();
        // The probe's class, from this module's test classes, next to the image's jars.
        Path probe = Path.of("target/test-classes/io/datapipelines/image/GraalPyProbe.class");
        Path probeDir = Files.createDirectories(rootfs.resolve("probe/io/datapipelines/image"));
        Files.copy(probe, probeDir.resolve("GraalPyProbe.class"));
        Path dev = Files.createDirectories(rootfs.resolve("dev"));
        for (String[] node : new String[][] {{"null", "3"}, {"zero", "5"}, {"random", "8"}, {"urandom", "9"}}) {
            run("mknod", "-m", "666", dev.resolve(node[0]).toString(), "c", "1", node[1]);
        }
        Path proc = Files.createDirectories(rootfs.resolve("proc"));
        Process mount = new ProcessBuilder("mount", "-t", "proc", "proc", proc.toString()).redirectErrorStream(true).start();
        String mountOutput = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        JreBaseImage.require(mount.waitFor() == 0, "cannot mount /proc in the chroot: " + mountOutput);
        Map<String, String> result;
        String output;
        String classLoad;
        try {
            List<String> entrypoint = new ArrayList<>();
            config.path("config").path("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
            int cp = entrypoint.indexOf("-cp");
            // The image's own java and flags, the class-data archive required (-Xshare:on: the JVM refuses to start without
            // it) and the classes' sources logged; the class path with the probe last (the archive's jars must come first)
            // and its main class instead of PipelineMain.
            List<String> java = new ArrayList<>(entrypoint.subList(0, cp));
            java.addAll(List.of("-Xshare:on", "-Xlog:class+load=info:file=/tmp/class-load.log", "-cp"));
            java.add(entrypoint.get(cp + 1) + ":/probe");
            java.add(GraalPyProbe.class.getName());
            List<String> command = new ArrayList<>(List.of("/usr/sbin/chroot", "--userspec=" + config.path("config").path("User").asText(),
                    rootfs.toString(), "/usr/bin/env", "-i", "--chdir=" + config.path("config").path("WorkingDir").asText("/")));
            config.path("config").path("Env").forEach(variable -> command.add(variable.asText()));
            command.addAll(java);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] bytes = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            output = new String(bytes, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("the probe's exit code; output:%n%s", output).isZero();
            classLoad = Files.readString(rootfs.resolve("tmp/class-load.log"));
            result = new LinkedHashMap<>();
            for (String line : output.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    result.put(line.substring(0, eq), line.substring(eq + 1).strip());
                }
            }
        } finally {
            if (new ProcessBuilder("umount", proc.toString()).start().waitFor() == 0) {
                TestFiles.deleteRecursively(rootfs);
            }
        }
        assertThat(result.get("runtime")).as("output:%n%s", output).isEqualTo("GraalVM CE");
        assertThat(result.get("zoneinfo")).as("Europe/Berlin in summer, from the image's tzdata").isEqualTo("2:00:00");
        assertThat(result.get("first")).isEqualTo("ABC!");
        assertThat(output).as("no JVM warnings at start-up").doesNotContain("WARNING:").doesNotContain("[warning]").doesNotContain("[error]");
        assertThat(classLoad).as("GraalPy's, Truffle's and the compiler's classes from the base's class data")
                .contains("com.oracle.graal.python.builtins.Python3Core source: shared objects file")
                .contains("com.oracle.truffle.api.TruffleLanguage source: shared objects file")
                .contains("jdk.graal.compiler.hotspot.HotSpotGraalCompilerFactory source: shared objects file");
    }

    /** Unpacks the image's layers in order into {@code rootfs}; returns the image configuration. */
    private static JsonNode unpack(Path layout, Path rootfs) throws Exception {
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifest = JSON.readTree(blob(layout, index.path("manifests").path(0).path("digest").asText()).toFile());
        Files.createDirectories(rootfs);
        for (JsonNode layer : manifest.path("layers")) {
            run("tar", "--numeric-owner", "-xpzf", blob(layout, layer.path("digest").asText()).toString(), "-C", rootfs.toString());
        }
        return JSON.readTree(blob(layout, manifest.path("config").path("digest").asText()).toFile());
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve("sha256").resolve(digest.substring("sha256:".length()));
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
    }
}
