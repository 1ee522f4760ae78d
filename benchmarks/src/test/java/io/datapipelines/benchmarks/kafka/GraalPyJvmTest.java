package io.datapipelines.benchmarks.kafka;

import io.datapipelines.image.ContainerLayout;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** GraalPy workloads run as an image built with the JIT: its flags, the compiler from where the benchmark has it. */
class GraalPyJvmTest {
    @Test
    void theImagesFlagsThenTheJitsWithTheCompilerDirectoryInPlaceOfTheImagesPath() {
        GraalPyJvm jvm = new GraalPyJvm(Path.of("/jdk25/bin/java"), Path.of("/work/graal"), java.util.List.of("-XX:ReservedCodeCacheSize=96m"));
        assertThat(jvm.flags()).containsAll(ContainerLayout.jvmFlags(true).stream().filter(f -> !f.startsWith("--upgrade-module-path")).toList())
                .contains("-XX:+EnableJVMCI", "--upgrade-module-path=/work/graal")
                .doesNotContain("--upgrade-module-path=" + ContainerLayout.GRAAL);
        assertThat(jvm.flags()).endsWith("-XX:ReservedCodeCacheSize=96m"); // experiments' flags last: they win
        assertThat(jvm.describe()).startsWith("/jdk25/bin/java " + ContainerLayout.jvmFlags(true).get(0) + " ");
    }

    @Test
    void withTheBasesClassDataTheCompilerComesFromTheModulePathAndTheArchiveIsMapped() {
        GraalPyJvm jvm = new GraalPyJvm(Path.of("/jdk25/bin/java"), Path.of("/work/graal"), java.util.List.of("-Xlog:cds"),
                Path.of("/base/graalpy.jsa"));
        assertThat(jvm.flags()).contains("-XX:+EnableJVMCI", "--module-path=/work/graal", "--add-modules=jdk.graal.compiler",
                        "-XX:SharedArchiveFile=/base/graalpy.jsa", "-Xshare:on")
                .noneMatch(flag -> flag.startsWith("--upgrade-module-path"))
                .endsWith("-Xlog:cds");
    }

    @Test
    void eachPipelineRunsInThePodMemoryItsDefinitionGets() {
        // the definition format's defaults: 512Mi, and more for Python steps on GraalPy; Jython keeps the default
        String builtin = ContainerMemory.maxRamFlag(Workload.BUILTIN.definition("b", "in", "out", "dlq", "exactly-once"));
        assertThat(builtin).isEqualTo("-XX:MaxRAM=512m").isEqualTo(ContainerMemory.defaultPodFlag());
        assertThat(ContainerMemory.maxRamFlag(Workload.PYTHON_JYTHON.definition("j", "in", "out", "dlq", "exactly-once"))).isEqualTo(builtin);
        String graalPy = ContainerMemory.maxRamFlag(Workload.PYTHON.definition("g", "in", "out", "dlq", "exactly-once"));
        assertThat(Long.parseLong(graalPy.replaceAll("\\D", ""))).isGreaterThan(512);
        assertThat(ContainerMemory.mebibytes("1Gi")).isEqualTo(1024);
        assertThat(ContainerMemory.mebibytes("1280Mi")).isEqualTo(1280);
        assertThat(ContainerMemory.mebibytes("1G")).isEqualTo(953);
    }

    @Test
    void aJitRuntimeStartsOnItsJavaAndTheOthersOnTheHarnesss() throws Exception {
        assertThat(RuntimeContender.command("/jdk25/bin/java", new GraalPyJvm(Path.of("/jdk25/bin/java"), Path.of("/g"), java.util.List.of()).flags(), "cp",
                Path.of("d.yaml"), "t", 8080, Path.of("s"))).first().isEqualTo("/jdk25/bin/java");
        assertThat(RuntimeContender.harnessJava()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
