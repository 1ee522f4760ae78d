package io.datapipelines.image;

import com.google.cloud.tools.jib.api.ImageReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
