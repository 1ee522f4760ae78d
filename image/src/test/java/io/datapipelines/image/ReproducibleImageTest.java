package io.datapipelines.image;

import com.google.cloud.tools.jib.api.ImageReference;
import io.datapipelines.model.CanonicalForm;
import io.datapipelines.model.PipelineDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reproducible by construction, shown on OCI archives (no registry needed): the same inputs give the same
 * bytes and digest, even with a cold layer cache; a new revision differs only in its pipeline layer.
 */
class ReproducibleImageTest {
    @TempDir
    static Path dir;
    static Path base;
    static RuntimeClasspath runtime;

    @BeforeAll
    static void setUp() throws Exception {
        base = TinyBaseImage.write(dir.resolve("tiny-base.tar"));
        runtime = RuntimeClasspath.current();
    }

    static BuiltImage build(PipelineDefinition definition, String archive, String cache) throws Exception {
        return PipelineImage.builder()
                .definition(definition)
                .runtime(runtime)
                .base(BaseImage.parse("docker-archive:" + base))
                .to(new ImageTarget.OciArchive(dir.resolve(archive), ImageReference.parse("registry.example.com/pipelines/orders")))
                .cacheDirectory(dir.resolve(cache))
                .build();
    }

    @Test
    void theSameInputsGiveTheSameBytesAndDigest() throws Exception {
        BuiltImage first = build(Examples.ordersCleanup(), "first.tar", "cache-a");
        BuiltImage second = build(Examples.ordersCleanup(), "second.tar", "cache-b"); // a cold cache: nothing reused

        assertThat(second.digest()).isEqualTo(first.digest()).startsWith("sha256:");
        assertThat(Files.mismatch(dir.resolve("first.tar"), dir.resolve("second.tar"))).isEqualTo(-1L);
        assertThat(second.layers()).isEqualTo(first.layers());
        assertThat(first.image().toString()).isEqualTo("registry.example.com/pipelines/orders@" + first.digest());
        assertThat(first.revisionHash()).isEqualTo(CanonicalForm.revisionHash(Examples.ordersCleanup()));
        assertThat(first.tags()).containsExactly(first.revisionHash().substring(0, 12));
    }

    @Test
    void aNewRevisionChangesOnlyThePipelineLayer() throws Exception {
        BuiltImage before = build(Examples.ordersCleanup(), "before.tar", "cache");
        BuiltImage after = build(Examples.ordersCleanupNextRevision(), "after.tar", "cache");

        assertThat(after.digest()).isNotEqualTo(before.digest());
        assertThat(names(before)).containsExactly("base", "dependencies", "graalpy", "runtime", "pipeline");
        assertThat(names(after)).isEqualTo(names(before));
        for (int i = 0; i < 4; i++) {
            assertThat(after.layers().get(i)).as(names(before).get(i)).isEqualTo(before.layers().get(i));
        }
        assertThat(after.layers().get(4).digest()).isNotEqualTo(before.layers().get(4).digest());
        assertThat(after.layers().get(4).size()).as("the pipeline layer is the definition alone").isLessThan(4096);
        assertThat(after.layers()).noneMatch(ImageLayer::pushed);
    }

    @Test
    void aPipelineWithoutGraalPyStepsLeavesGraalPyOutAndSharesTheOtherLayers() throws Exception {
        BuiltImage graalPy = build(Examples.ordersCleanup(), "graalpy.tar", "cache-graalpy");
        BuiltImage jython = build(Examples.ordersCleanupOnJython(), "jython.tar", "cache-jython");

        assertThat(names(jython)).containsExactly("base", "dependencies", "runtime", "pipeline");
        assertThat(jython.layers().get(1)).as("dependencies").isEqualTo(graalPy.layers().get(1));
        assertThat(jython.layers().get(2)).as("runtime").isEqualTo(graalPy.layers().get(3));
        assertThat(graalPy.layers().get(2).size()).as("GraalPy's layer, compressed").isGreaterThan(50_000_000L);
        String entrypoint = OciArchives.config(dir.resolve("jython.tar")).path("config").path("Entrypoint").toString();
        assertThat(entrypoint).contains("/app/lib/jython-standalone-2.7.4.jar").doesNotContain("python-language").doesNotContain("truffle-api")
                .doesNotContain("polyglot-");
        assertThat(OciArchives.config(dir.resolve("graalpy.tar")).path("config").path("Entrypoint").toString()).contains("/app/lib/python-language-");
    }

    private static List<String> names(BuiltImage image) {
        return image.layers().stream().map(ImageLayer::name).toList();
    }
}
