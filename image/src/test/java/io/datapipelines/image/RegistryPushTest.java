package io.datapipelines.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import io.datapipelines.model.PipelineDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pushes to a real registry (Debian's docker-registry) on the JRE base image, and checks with skopeo,
 * independently of Jib, what the registry holds: the manifest by digest, the user, entrypoint and labels.
 */
class RegistryPushTest {
    @TempDir
    static Path dir;
    static LocalRegistry registry;
    static Path base;
    static RuntimeClasspath runtime;

    @BeforeAll
    static void setUp() throws Exception {
        registry = LocalRegistry.get();
        Skopeo.require();
        base = JreBaseImage.archive();
        runtime = RuntimeClasspath.current();
    }

    static PipelineImage.Builder builder(PipelineDefinition definition, String repository) throws Exception {
        return PipelineImage.builder()
                .definition(definition)
                .runtime(runtime)
                .base(BaseImage.parse("docker-archive:" + base))
                .to(new ImageTarget.Registry(ImageReference.parse(repository)))
                .credentials(RegistryCredentials.anonymous())
                .allowInsecureRegistries(true)
                .cacheDirectory(dir.resolve("cache"));
    }

    @Test
    void aNewRevisionPushesOnlyItsPipelineLayerAndTheSameRevisionNothing() throws Exception {
        String repository = registry.newRepository("orders-cleanup");
        BuiltImage first = builder(Examples.ordersCleanup(), repository).build();
        BuiltImage again = builder(Examples.ordersCleanup(), repository).build();
        BuiltImage next = builder(Examples.ordersCleanupNextRevision(), repository).build();

        assertThat(first.layers()).extracting(ImageLayer::name).containsExactly("base", "dependencies", "graalpy", "runtime", "pipeline");
        assertThat(first.layers()).allMatch(ImageLayer::pushed);
        assertThat(again.digest()).isEqualTo(first.digest());
        assertThat(again.layers()).noneMatch(ImageLayer::pushed);
        assertThat(next.digest()).isNotEqualTo(first.digest());
        assertThat(next.layers()).filteredOn(ImageLayer::pushed).extracting(ImageLayer::name).containsExactly("pipeline");
        assertThat(next.bytesPushed()).isLessThan(4096);
        assertThat(first.bytesPushed()).isGreaterThan(100L << 20);
    }

    @Test
    void theRegistryHoldsTheManifestByDigestWithUserEntrypointAndLabels() throws Exception {
        String repository = registry.newRepository("orders-cleanup");
        BuiltImage image = builder(Examples.ordersCleanup(), repository).source("https://git.example.com/data/pipelines").addTag("prod").build();

        byte[] manifest = Skopeo.rawManifest(image.image().toString());
        assertThat("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest))).isEqualTo(image.digest());
        JsonNode summary = Skopeo.inspect(repository + ":" + image.tags().get(0));
        assertThat(summary.path("Digest").asText()).isEqualTo(image.digest());
        assertThat(Skopeo.inspect(repository + ":prod").path("Digest").asText()).isEqualTo(image.digest());
        List<String> layers = new ArrayList<>();
        summary.path("Layers").forEach(layer -> layers.add(layer.asText()));
        assertThat(layers).isEqualTo(image.layers().stream().map(ImageLayer::digest).toList());

        JsonNode config = Skopeo.config(image.image().toString()).path("config");
        assertThat(config.path("User").asText()).isEqualTo("65532:65532");
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
        assertThat(entrypoint).startsWith("java", "-XX:MaxRAMPercentage=75", "-XX:+UseParallelGC", "-XX:MaxNewSize=64m", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp",
                "-Dpolyglot.engine.userResourceCache=/tmp/polyglot", "-cp")
                .endsWith("io.datapipelines.runtime.app.PipelineMain");
        assertThat(entrypoint.get(entrypoint.indexOf("-cp") + 1)).startsWith("/app/runtime/datapipelines-runtime-").contains(":/app/runtime/datapipelines-model-")
                .contains(":/app/lib/kafka-streams-");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo("orders-cleanup");
        assertThat(labels.path("org.opencontainers.image.revision").asText()).isEqualTo(image.revisionHash());
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(image.revisionHash().substring(0, 12));
        assertThat(labels.path("org.opencontainers.image.source").asText()).isEqualTo("https://git.example.com/data/pipelines");
        assertThat(labels.path("io.datapipelines.pipeline").asText()).isEqualTo("orders-cleanup");
        assertThat(labels.path("io.datapipelines.revision-hash").asText()).isEqualTo(image.revisionHash());
        assertThat(labels.path("io.datapipelines.runtime-version").asText()).isEqualTo(runtime.version());
        JsonNode full = Skopeo.config(image.image().toString());
        assertThat(full.path("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void anArchiveHasTheDigestOfThePushedImage() throws Exception {
        String repository = registry.newRepository("orders-cleanup");
        BuiltImage pushed = builder(Examples.ordersCleanup(), repository).build();
        BuiltImage archived = builder(Examples.ordersCleanup(), repository)
                .to(new ImageTarget.OciArchive(dir.resolve("orders.tar"), ImageReference.parse(repository))).build();

        assertThat(archived.digest()).isEqualTo(pushed.digest());
        assertThat(archived.layers()).extracting(ImageLayer::digest).isEqualTo(pushed.layers().stream().map(ImageLayer::digest).toList());
        assertThat(archived.layers()).noneMatch(ImageLayer::pushed);
    }

    @Test
    void aBaseImageTagIsResolvedOnceAndRecordedByDigest() throws Exception {
        String baseRepository = registry.newRepository("jre");
        // The JRE archive, pushed as a registry base image under a tag (Jib, no layers added).
        String baseDigest = pushBase(base, baseRepository + ":17");
        String repository = registry.newRepository("orders-cleanup");

        BuiltImage image = builder(Examples.ordersCleanup(), repository).base(BaseImage.parse(baseRepository + ":17")).build();

        assertThat(image.baseImage()).isEqualTo(baseRepository + "@" + baseDigest);
        JsonNode labels = Skopeo.config(image.image().toString()).path("config").path("Labels");
        assertThat(labels.path("org.opencontainers.image.base.digest").asText()).isEqualTo(baseDigest);
        assertThat(labels.path("org.opencontainers.image.base.name").asText()).isEqualTo(baseRepository + "@" + baseDigest);
        // The base layers came from the same registry: mounted or present, never uploaded again.
        assertThat(image.layers()).filteredOn(layer -> layer.name().equals("base")).noneMatch(ImageLayer::pushed);
    }

    @Test
    void aJitBuildOnARegistryBaseReadsItsLabels() throws Exception {
        GraalCompiler compiler = GraalCompiler.in(Path.of("target", GraalCompiler.DISTRIBUTION_DIRECTORY)); // image/pom.xml copies it there
        String baseRepository = registry.newRepository("jre25");
        pushBase(TinyBaseImage.write(dir.resolve("tiny-class-data.tar"), "25.0.3+9-LTS", String.join(":", ContainerLayout.graalPyJars(runtime))),
                baseRepository + ":25-class-data");
        pushBase(TinyBaseImage.write(dir.resolve("tiny-25.0.4.tar"), "25.0.4+7-LTS"), baseRepository + ":25.0.4");
        String repository = registry.newRepository("orders-cleanup");

        BuiltImage image = builder(Examples.ordersCleanup(), repository).base(BaseImage.parse(baseRepository + ":25-class-data"))
                .graalJit(compiler).build();
        String entrypoint = Skopeo.config(image.image().toString()).path("config").path("Entrypoint").toString();
        assertThat(entrypoint).as("the base's class data, as on the archive").contains("-XX:SharedArchiveFile=" + ClassDataArchive.FILE,
                "--module-path=/app/graal").doesNotContain("--upgrade-module-path");
        assertThatThrownBy(() -> builder(Examples.ordersCleanup(), repository).base(BaseImage.parse(baseRepository + ":25.0.4"))
                .graalJit(compiler).build())
                .isInstanceOf(ImageBuildException.class).hasMessageContaining("runs Java 25.0.4+7-LTS but the Graal compiler is 25.0.3");
    }

    @Test
    void autoReadsARegistryBasesLabelsToDecideOnTheJit() throws Exception {
        GraalCompiler compiler = GraalCompiler.in(Path.of("target", GraalCompiler.DISTRIBUTION_DIRECTORY));
        String baseRepository = registry.newRepository("jre-auto");
        pushBase(TinyBaseImage.write(dir.resolve("tiny-auto-25.tar"), "25.0.3+9-LTS"), baseRepository + ":25");
        pushBase(TinyBaseImage.write(dir.resolve("tiny-auto-17.tar")), baseRepository + ":17");
        String repository = registry.newRepository("orders-cleanup");

        BuiltImage labelled = builder(Examples.ordersCleanup(), repository).base(BaseImage.parse(baseRepository + ":25"))
                .graalJit(GraalCompiler.Mode.AUTO, Optional.of(compiler)).build();
        BuiltImage plain = builder(Examples.ordersCleanup(), repository).base(BaseImage.parse(baseRepository + ":17"))
                .graalJit(GraalCompiler.Mode.AUTO, Optional.of(compiler)).build();

        assertThat(labelled.layers()).extracting(ImageLayer::name).contains("compiler");
        assertThat(Skopeo.config(labelled.image().toString()).path("config").path("Entrypoint").toString())
                .contains("-XX:+EnableJVMCI", "--upgrade-module-path=/app/graal");
        assertThat(plain.layers()).extracting(ImageLayer::name).doesNotContain("compiler");
        assertThat(Skopeo.config(plain.image().toString()).path("config").path("Entrypoint").toString())
                .doesNotContain("EnableJVMCI").doesNotContain("/app/graal");
    }

    /** The archive pushed as a registry base image under {@code reference} (Jib, no layers added); its digest. */
    private static String pushBase(Path archive, String reference) throws Exception {
        return Jib.from(TarImage.at(archive))
                .containerize(Containerizer.to(RegistryImage.named(reference)).setAllowInsecureRegistries(true)
                        .setBaseImageLayersCache(dir.resolve("cache/base")).setApplicationLayersCache(dir.resolve("cache/application")))
                .getDigest().toString();
    }

    @Test
    void plainHttpNeedsInsecure() throws Exception {
        String repository = registry.newRepository("orders-cleanup");
        assertThatThrownBy(() -> builder(Examples.ordersCleanup(), repository).allowInsecureRegistries(false).build())
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("--insecure");
    }
}
