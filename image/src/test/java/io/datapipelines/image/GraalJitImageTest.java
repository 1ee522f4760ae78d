package io.datapipelines.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Images with GraalPy's JIT, on OCI archives and tiny bases (no Java runs here: {@link GraalJitChrootTest} runs
 * one): the compiler is a layer of its own in /app/graal, the entrypoint turns JVMCI on, the image is still
 * reproducible, and a base that is not the compiler's JDK is refused rather than silently interpreted.
 */
class GraalJitImageTest {
    @TempDir
    static Path dir;
    static RuntimeClasspath runtime;
    static GraalCompiler compiler;

    @BeforeAll
    static void setUp() throws Exception {
        runtime = RuntimeClasspath.current();
        compiler = GraalCompiler.in(Path.of("target", GraalCompiler.DISTRIBUTION_DIRECTORY)); // image/pom.xml copies it there
    }

    static PipelineImage.Builder builder(Path base, String archive, String cache) throws Exception {
        return PipelineImage.builder()
                .definition(Examples.ordersCleanup())
                .runtime(runtime)
                .base(BaseImage.parse("docker-archive:" + base))
                .to(new ImageTarget.OciArchive(dir.resolve(archive), ImageReference.parse("registry.example.com/pipelines/orders")))
                .cacheDirectory(dir.resolve(cache));
    }

    @Test
    void theCompilerIsGraalPysVersionWithWhatItNeeds() {
        assertThat(compiler.version()).isEqualTo("25.0.3");
        assertThat(compiler.jars()).extracting(jar -> jar.getFileName().toString())
                .containsExactly("collections-25.0.3.jar", "compiler-25.0.3.jar", "truffle-compiler-25.0.3.jar", "word-25.0.3.jar");
        assertThat(compiler.matches("25.0.3+9-LTS")).isTrue();
        assertThat(compiler.matches("25.0.3")).isTrue();
        assertThat(compiler.matches("25.0.4+7-LTS")).isFalse();
        assertThat(compiler.matches("25.0.30+1")).isFalse();
        assertThat(compiler.matches("17.0.15+6-Debian-1deb12u1")).isFalse();
    }

    @Test
    void aJitImageCarriesTheCompilerInItsOwnLayerAndIsReproducible() throws Exception {
        Path base = TinyBaseImage.write(dir.resolve("tiny-jvmci.tar"), "25.0.3+9-LTS");
        BuiltImage first = builder(base, "jit-first.tar", "cache-a").graalJit(compiler).build();
        BuiltImage second = builder(base, "jit-second.tar", "cache-b").graalJit(compiler).build(); // cold cache

        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(Files.mismatch(dir.resolve("jit-first.tar"), dir.resolve("jit-second.tar"))).isEqualTo(-1L);
        assertThat(first.layers()).extracting(ImageLayer::name).containsExactly("base", "compiler", "dependencies", "graalpy", "runtime", "pipeline");
        long jars = 0;
        for (Path jar : compiler.jars()) {
            jars += Files.size(jar);
        }
        assertThat(first.layers().get(1).size()).as("the compressed compiler layer").isBetween(jars / 4, jars + 65536);

        BuiltImage interpreted = builder(base, "interpreted.tar", "cache-a").build();
        assertThat(interpreted.layers()).extracting(ImageLayer::name).containsExactly("base", "dependencies", "graalpy", "runtime", "pipeline");
        assertThat(interpreted.layers().subList(1, 5)).as("the same jar layers with or without the JIT")
                .isEqualTo(first.layers().subList(2, 6));
    }

    @Test
    void aPipelineWithoutGraalPyStepsGetsNeitherTheCompilerNorTheJitFlags() throws Exception {
        Path base = TinyBaseImage.write(dir.resolve("tiny-jvmci-jython.tar"), "25.0.3+9-LTS");
        BuiltImage jython = builder(base, "jit-jython.tar", "cache-a").definition(Examples.ordersCleanupOnJython()).graalJit(compiler).build();

        assertThat(jython.layers()).extracting(ImageLayer::name).containsExactly("base", "dependencies", "runtime", "pipeline");
        String entrypoint = OciArchives.config(dir.resolve("jit-jython.tar")).path("config").path("Entrypoint").toString();
        assertThat(entrypoint).doesNotContain("EnableJVMCI").doesNotContain(ContainerLayout.GRAAL).contains("-XX:MaxRAMPercentage=75");
    }

    @Test
    void theJitEntrypointTurnsJvmciOnWithTheCompilerOnTheUpgradeModulePath() {
        List<String> jit = ContainerLayout.entrypoint(runtime, true);
        List<String> interpreted = ContainerLayout.entrypoint(runtime, false);

        assertThat(jit).containsSubsequence("java", "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--upgrade-module-path=/app/graal", "--enable-native-access=ALL-UNNAMED", "-cp");
        assertThat(interpreted).doesNotContain("-XX:+EnableJVMCI").noneMatch(arg -> arg.startsWith("--upgrade-module-path"));
        // C2's later thresholds are for the JIT's start-up (the Graal compiler runs as Java code); interpreted, C2 keeps its own
        assertThat(jit).contains("-XX:Tier4InvocationThreshold=150000", "-XX:Tier4BackEdgeThreshold=1200000");
        assertThat(interpreted).noneMatch(arg -> arg.startsWith("-XX:Tier4"));
        // the same flags but the heap's share: half the memory limit with the JIT (its own needs beside the heap)
        assertThat(interpreted).contains("-XX:MaxRAMPercentage=75");
        assertThat(jit).contains("-XX:MaxRAMPercentage=25").doesNotContain("-XX:MaxRAMPercentage=75")
                .containsAll(interpreted.stream().filter(arg -> !arg.equals("-XX:MaxRAMPercentage=75")).toList());
    }

    @Test
    void onABaseWithGraalPysClassDataTheImageStartsWithItsJarsFirstAndTheCompilerOnTheModulePath() throws Exception {
        List<String> graalPyJars = ContainerLayout.graalPyJars(runtime);
        assertThat(graalPyJars).hasSizeGreaterThan(10).allMatch(jar -> jar.startsWith(ContainerLayout.LIB + "/"));
        // the base's order, not the runtime's: the archive's class path must be the start of the JVM's
        List<String> archiveOrder = new ArrayList<>(graalPyJars);
        Collections.reverse(archiveOrder);
        Path base = TinyBaseImage.write(dir.resolve("tiny-class-data.tar"), "25.0.3+9-LTS", String.join(":", archiveOrder));
        List<String> said = new ArrayList<>();
        builder(base, "class-data.tar", "cache-a").graalJit(compiler).onLog(event -> said.add(event.getMessage())).build();
        assertThat(said).anyMatch(line -> line.startsWith("GraalPy's class data: the base's " + ClassDataArchive.FILE));

        List<String> entrypoint = entrypointOf(dir.resolve("class-data.tar"));
        assertThat(entrypoint).contains("--module-path=/app/graal", "--add-modules=jdk.graal.compiler",
                        "-XX:SharedArchiveFile=" + ClassDataArchive.FILE, "-XX:+EnableJVMCI", "-XX:Tier4InvocationThreshold=150000")
                .noneMatch(arg -> arg.startsWith("--upgrade-module-path"));
        List<String> classpath = List.of(entrypoint.get(entrypoint.indexOf("-cp") + 1).split(":"));
        assertThat(classpath.subList(0, archiveOrder.size())).isEqualTo(archiveOrder);
        List<String> plain = ContainerLayout.entrypoint(runtime, true);
        assertThat(classpath).as("the same jars otherwise").hasSameElementsAs(List.of(plain.get(plain.indexOf("-cp") + 1).split(":")));
    }

    @Test
    void classDataMadeForOtherJarsIsLeftOutAndSaid() throws Exception {
        List<String> otherJars = new ArrayList<>(ContainerLayout.graalPyJars(runtime));
        otherJars.set(0, ContainerLayout.LIB + "/polyglot-25.0.2.jar");
        Path base = TinyBaseImage.write(dir.resolve("tiny-other-class-data.tar"), "25.0.3+9-LTS", String.join(":", otherJars));
        List<String> warnings = new ArrayList<>();
        builder(base, "other-class-data.tar", "cache-a").graalJit(compiler)
                .onLog(event -> {
                    if (event.getLevel() == LogEvent.Level.WARN) {
                        warnings.add(event.getMessage());
                    }
                })
                .build();

        assertThat(warnings).anyMatch(warning -> warning.contains("GraalPy class data") && warning.contains("other GraalPy jars"));
        assertThat(entrypointOf(dir.resolve("other-class-data.tar"))).isEqualTo(ContainerLayout.entrypoint(runtime, true))
                .contains("--upgrade-module-path=/app/graal").noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile"));
    }

    private static List<String> entrypointOf(Path archive) throws Exception {
        List<String> entrypoint = new ArrayList<>();
        OciArchives.config(archive).path("config").path("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
        return entrypoint;
    }

    @Test
    void autoAddsTheJitOnlyOnABaseLabelledForIt() throws Exception {
        Path labelled = TinyBaseImage.write(dir.resolve("tiny-auto-jvmci.tar"), "25.0.3+9-LTS");
        Path plain = TinyBaseImage.write(dir.resolve("tiny-auto-17.tar"));
        List<String> said = new ArrayList<>();

        builder(labelled, "auto-jit.tar", "cache-a").graalJit(GraalCompiler.Mode.AUTO, Optional.of(compiler))
                .onLog(event -> said.add(event.getMessage())).build();
        builder(plain, "auto-interpreted.tar", "cache-a").graalJit(GraalCompiler.Mode.AUTO, Optional.of(compiler)).build();

        assertThat(entrypointOf(dir.resolve("auto-jit.tar"))).isEqualTo(ContainerLayout.entrypoint(runtime, true));
        assertThat(said).contains("With GraalPy's JIT: the Graal compiler 25.0.3 in " + ContainerLayout.GRAAL);
        assertThat(entrypointOf(dir.resolve("auto-interpreted.tar"))).isEqualTo(ContainerLayout.entrypoint(runtime, false));
        // without a compiler at hand, auto still builds on a plain base, and refuses a base made for the JIT
        builder(plain, "auto-no-compiler.tar", "cache-a").graalJit(GraalCompiler.Mode.AUTO, Optional.empty()).build();
        assertThatThrownBy(() -> builder(labelled, "auto-refused.tar", "cache-a").graalJit(GraalCompiler.Mode.AUTO, Optional.empty()).build())
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("no Graal compiler next to").hasMessageContaining("the base is labelled io.datapipelines.jvmci");
        assertThat(dir.resolve("auto-refused.tar")).doesNotExist();
    }

    @Test
    void aBaseWithoutJvmciIsRefused() throws Exception {
        Path base = TinyBaseImage.write(dir.resolve("tiny-17.tar"));

        assertThatThrownBy(() -> builder(base, "refused.tar", "cache-c").graalJit(compiler).build())
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("has no io.datapipelines.jvmci label")
                .hasMessageContaining(".ci/base-image.sh 25");
        assertThat(dir.resolve("refused.tar")).doesNotExist();
    }

    @Test
    void aBaseOfAnotherJdkVersionIsRefused() throws Exception {
        Path base = TinyBaseImage.write(dir.resolve("tiny-25.0.4.tar"), "25.0.4+7-LTS");

        assertThatThrownBy(() -> builder(base, "mismatch.tar", "cache-d").graalJit(compiler).build())
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("runs Java 25.0.4+7-LTS but the Graal compiler is 25.0.3");
    }

    @Test
    void aDirectoryWithoutTheCompilerIsNotOne() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-compiler"));
        Files.writeString(empty.resolve("word-25.0.3.jar"), "not really");

        assertThatThrownBy(() -> GraalCompiler.in(empty)).isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("holds no compiler-VERSION.jar");
        assertThatThrownBy(() -> GraalCompiler.in(dir.resolve("nowhere"))).isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("cannot read the Graal compiler directory");
    }
}
