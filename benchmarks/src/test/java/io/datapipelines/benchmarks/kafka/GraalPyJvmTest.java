package io.datapipelines.benchmarks.kafka;

import io.datapipelines.image.ContainerLayout;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** GraalPy workloads run as an image built with the JIT: its flags, the compiler from where the benchmark has it. */
class GraalPyJvmTest {
    @Test
    void theImagesFlagsThenTheJitsWithTheCompilerDirectoryInPlaceOfTheImagesPath() {
        GraalPyJvm jvm = new GraalPyJvm(Path.of("/jdk25/bin/java"), Path.of("/work/graal"));
        assertThat(jvm.flags()).startsWith("-XX:MaxRAM=768m")
                .containsSubsequence(ContainerLayout.JVM_FLAGS)
                .contains("-XX:+EnableJVMCI", "--upgrade-module-path=/work/graal")
                .doesNotContain("--upgrade-module-path=" + ContainerLayout.GRAAL);
        assertThat(jvm.flags().indexOf("-XX:+EnableJVMCI")).isGreaterThan(jvm.flags().indexOf(ContainerLayout.JVM_FLAGS.get(0)));
        assertThat(jvm.describe()).startsWith("/jdk25/bin/java -XX:MaxRAM=768m ");
    }

    @Test
    void aJitRuntimeStartsOnItsJavaAndTheOthersOnTheHarnesss() throws Exception {
        assertThat(RuntimeContender.command("/jdk25/bin/java", new GraalPyJvm(Path.of("/jdk25/bin/java"), Path.of("/g")).flags(), "cp",
                Path.of("d.yaml"), "t", 8080, Path.of("s"))).first().isEqualTo("/jdk25/bin/java");
        assertThat(RuntimeContender.harnessJava()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
