package io.datapipelines.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeClasspathTest {
    @TempDir
    Path dir;

    @Test
    void theCurrentRuntimeIsItsJarThenItsDependenciesWithoutTheCallersJars() throws Exception {
        RuntimeClasspath runtime = RuntimeClasspath.current();
        List<String> names = runtime.classpath().stream().map(jar -> jar.getFileName().toString()).toList();

        assertThat(names.get(0)).startsWith("datapipelines-runtime-").endsWith(".jar");
        assertThat(names.get(1)).startsWith("datapipelines-model-");
        assertThat(names).anyMatch(name -> name.startsWith("kafka-streams-")).anyMatch(name -> name.startsWith("jython-standalone-"))
                .noneMatch(name -> name.startsWith("jib-core")).noneMatch(name -> name.startsWith("guava"))
                .noneMatch(name -> name.startsWith("datapipelines-embedded-kafka")).noneMatch(name -> name.startsWith("kafka_2.13"));
        assertThat(runtime.classpath()).allMatch(Files::isRegularFile);
        assertThat(runtime.version()).isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void aMissingDependencyIsNamed() throws Exception {
        Path jar = runtimeJar(dir.resolve("datapipelines-runtime-9.jar"), "lib/present-1.jar:lib/absent-2.jar");
        Files.writeString(dir.resolve("present-1.jar"), "");

        assertThatThrownBy(() -> RuntimeClasspath.of(jar, List.of()))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("[absent-2.jar]").hasMessageContaining("next to " + jar);
    }

    @Test
    void dependenciesAreFoundNextToTheRuntimeOrOnTheSearchPath() throws Exception {
        Path jar = runtimeJar(dir.resolve("datapipelines-runtime-9.jar"), "lib/datapipelines-model-9.jar:lib/elsewhere-1.jar");
        Files.writeString(dir.resolve("datapipelines-model-9.jar"), "");
        Path elsewhere = Files.createDirectories(dir.resolve("m2")).resolve("elsewhere-1.jar");
        Files.writeString(elsewhere, "");

        RuntimeClasspath runtime = RuntimeClasspath.of(jar, List.of(elsewhere));

        assertThat(runtime.classpath()).containsExactly(jar, dir.resolve("datapipelines-model-9.jar"), elsewhere);
        assertThat(runtime.version()).isEqualTo("9");
        assertThat(ContainerLayout.entrypoint(runtime, false)).containsSubsequence("-cp",
                "/app/runtime/datapipelines-runtime-9.jar:/app/runtime/datapipelines-model-9.jar:/app/lib/elsewhere-1.jar",
                "io.datapipelines.runtime.app.PipelineMain");
    }

    @Test
    void withoutGraalPyLeavesOutExactlyTheJarsTheRuntimeListsAsGraalPys() throws Exception {
        RuntimeClasspath runtime = RuntimeClasspath.current();
        List<String> all = runtime.classpath().stream().map(jar -> jar.getFileName().toString()).toList();
        List<String> without = runtime.withoutGraalPy().classpath().stream().map(jar -> jar.getFileName().toString()).toList();

        assertThat(all).anyMatch(name -> name.startsWith("python-language-")).anyMatch(name -> name.startsWith("truffle-api-"))
                .anyMatch(name -> name.startsWith("polyglot-")).anyMatch(name -> name.startsWith("bcprov-"));
        assertThat(without).noneMatch(name -> name.startsWith("python-") || name.startsWith("truffle-") || name.startsWith("polyglot-")
                || name.startsWith("bcprov-") || name.startsWith("icu4j-") || name.startsWith("regex-"));
        List<String> left = new java.util.ArrayList<>(all);
        left.removeIf(name -> runtime.isGraalPyJar(Path.of(name)));
        assertThat(without).as("everything else, in the same order").isEqualTo(left)
                .contains("jython-standalone-2.7.4.jar").anyMatch(name -> name.startsWith("kafka-streams-"))
                .anyMatch(name -> name.startsWith("jackson-databind-"));
        assertThat(all.size() - without.size()).isGreaterThanOrEqualTo(15);
        assertThat(runtime.withoutGraalPy().version()).isEqualTo(runtime.version());
    }

    @Test
    void aRuntimeJarWithoutTheGraalPyListSetsNothingApart() throws Exception {
        Path jar = runtimeJar(dir.resolve("datapipelines-runtime-9.jar"), "lib/python-language-9.jar");
        Files.writeString(dir.resolve("python-language-9.jar"), "");

        RuntimeClasspath runtime = RuntimeClasspath.of(jar, List.of());

        assertThat(runtime.withoutGraalPy().classpath()).isEqualTo(runtime.classpath()).hasSize(2);
    }

    @Test
    void classDirectoriesAreRefused() {
        assertThatThrownBy(() -> RuntimeClasspath.of(dir, List.of()))
                .isInstanceOf(ImageBuildException.class).hasMessageContaining("not a packaged jar");
    }

    private static Path runtimeJar(Path file, String list) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "9");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry(RuntimeClasspath.LIST));
            jar.write(list.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }
}
