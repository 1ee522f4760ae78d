package io.datapipelines.image;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a base's class-data label means to a build: which jars, in which order, and the flags that map the archive. */
class ClassDataArchiveTest {
    @Test
    void aBaseWithoutTheLabelOrWithAnEmptyOneHasNone() {
        assertThat(ClassDataArchive.of(Map.of())).isEmpty();
        assertThat(ClassDataArchive.of(Map.of(ClassDataArchive.LABEL, " "))).isEmpty();
        assertThat(ClassDataArchive.of(Map.of(ClassDataArchive.LABEL, "/app/lib/a.jar:/app/lib/b.jar")))
                .hasValue(new ClassDataArchive(List.of("/app/lib/a.jar", "/app/lib/b.jar")));
    }

    @Test
    void itFitsTheSameJarsInAnyOrderAndPutsThemFirstInItsOwn() {
        ClassDataArchive archive = new ClassDataArchive(List.of("/app/lib/b.jar", "/app/lib/a.jar"));

        assertThat(archive.fits(List.of("/app/lib/a.jar", "/app/lib/b.jar"))).isTrue();
        assertThat(archive.fits(List.of("/app/lib/a.jar"))).isFalse();
        assertThat(archive.fits(List.of("/app/lib/a.jar", "/app/lib/c.jar"))).isFalse();
        assertThat(archive.fits(List.of("/app/lib/a.jar", "/app/lib/b.jar", "/app/lib/c.jar"))).isFalse();
        assertThat(archive.reorder(List.of("/app/runtime/r.jar", "/app/lib/a.jar", "/app/lib/k.jar", "/app/lib/b.jar")))
                .containsExactly("/app/lib/b.jar", "/app/lib/a.jar", "/app/runtime/r.jar", "/app/lib/k.jar");
    }

    @Test
    void theCompilerMovesFromTheUpgradeModulePathToTheModulePathAndTheArchiveIsNamed() {
        assertThat(ClassDataArchive.jvmFlags(List.of("-Xmx1g", "--upgrade-module-path=/g", "-XX:+EnableJVMCI"), "/a.jsa"))
                .containsExactly("-Xmx1g", "--module-path=/g", "--add-modules=jdk.graal.compiler", "-XX:+EnableJVMCI",
                        "-XX:SharedArchiveFile=/a.jsa");
    }
}
