package io.datapipelines.benchmarks.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContenderLauncherTest {
    @TempDir
    Path dir;

    @Test
    void aPipelineWithoutGraalPyStepsRunsOnTheClassPathItsImageHolds() throws Exception {
        Path runtime = dir.resolve("datapipelines-runtime-9.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "9");
        try (OutputStream out = Files.newOutputStream(runtime); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("META-INF/datapipelines/runtime-classpath"));
            jar.write("lib/kafka-streams-9.jar:lib/truffle-api-9.jar:lib/jython-standalone-9.jar:lib/python-language-9.jar".getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new JarEntry("META-INF/datapipelines/graalpy-classpath"));
            jar.write("lib/truffle-api-9.jar:lib/python-language-9.jar".getBytes(StandardCharsets.UTF_8));
        }
        Path m2 = Files.createDirectories(dir.resolve("m2"));
        String classpath = runtime + ":" + String.join(":", java.util.stream.Stream.of("kafka-streams-9.jar", "truffle-api-9.jar",
                "jython-standalone-9.jar", "python-language-9.jar").map(name -> {
                    try {
                        return Files.writeString(m2.resolve(name), "").toString();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList());

        assertThat(ContenderLauncher.withoutGraalPy(classpath))
                .isEqualTo(runtime + ":" + m2.resolve("kafka-streams-9.jar") + ":" + m2.resolve("jython-standalone-9.jar"));
        // GraalPy's jars first (a class-data archive's order): the runtime jar is found after them
        assertThat(ContenderLauncher.withoutGraalPy(m2.resolve("python-language-9.jar") + ":" + m2.resolve("truffle-api-9.jar") + ":"
                + runtime + ":" + m2.resolve("kafka-streams-9.jar") + ":" + m2.resolve("jython-standalone-9.jar")))
                .isEqualTo(runtime + ":" + m2.resolve("kafka-streams-9.jar") + ":" + m2.resolve("jython-standalone-9.jar"));
        assertThatThrownBy(() -> ContenderLauncher.withoutGraalPy(m2.resolve("kafka-streams-9.jar").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--runtime-classpath: ");
    }

    @Test
    void graalPyStepsRunWithTheJitAndTheBuiltInOnceMoreOnTheSameJavaWithAnImagesFlags() {
        GraalPyJvm java25 = new GraalPyJvm(Path.of("/opt/jdk-25/bin/java"), Path.of("/opt/graal"), java.util.List.of("-Dexperiment=1"));
        java.util.List<String> imageFlags = RuntimeContender.JVM_FLAGS;

        ContenderLauncher.RuntimeJvm graalPy = ContenderLauncher.runtimeJvm(Workload.PYTHON, java25, imageFlags);
        assertThat(graalPy.java()).isEqualTo("/opt/jdk-25/bin/java");
        assertThat(graalPy.flags()).isEqualTo(java25.flags()).contains("-XX:+EnableJVMCI", "-Dexperiment=1");
        assertThat(graalPy.jit()).isTrue();

        ContenderLauncher.RuntimeJvm onJava25 = ContenderLauncher.runtimeJvm(Workload.BUILTIN_JAVA25, java25, imageFlags);
        assertThat(onJava25.java()).isEqualTo("/opt/jdk-25/bin/java");
        assertThat(onJava25.flags()).isEqualTo(imageFlags).doesNotContain("-XX:+EnableJVMCI");
        assertThat(onJava25.jit()).isFalse();
        assertThat(onJava25.kind()).isEqualTo("runtime on Java 25");

        for (Workload onHarness : java.util.List.of(Workload.BUILTIN, Workload.PYTHON_JYTHON, Workload.PYTHON_HEAVY_FIELD_JYTHON)) {
            ContenderLauncher.RuntimeJvm jvm = ContenderLauncher.runtimeJvm(onHarness, java25, imageFlags);
            assertThat(jvm.java()).as(onHarness.id()).isEqualTo(RuntimeContender.harnessJava());
            assertThat(jvm.flags()).as(onHarness.id()).isEqualTo(imageFlags);
        }
        for (Workload any : Workload.values()) {
            ContenderLauncher.RuntimeJvm jvm = ContenderLauncher.runtimeJvm(any, null, imageFlags);
            assertThat(jvm.java()).as(any.id()).isEqualTo(RuntimeContender.harnessJava());
            assertThat(jvm.jit()).as(any.id()).isFalse();
        }
    }
}
