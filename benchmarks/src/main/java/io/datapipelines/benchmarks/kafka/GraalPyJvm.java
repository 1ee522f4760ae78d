package io.datapipelines.benchmarks.kafka;

import io.datapipelines.image.ContainerLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the runtime runs a workload whose Python steps run on GraalPy: as an image built with the JIT runs it
 * ({@code datapipelines build} on the Java 25 base), i.e. a Java 25 with JVMCI, the image's JVM flags and the
 * JIT's ({@link ContainerLayout#JIT_FLAGS}, with the Graal compiler's directory in place of {@code /app/graal}),
 * and the memory a GraalPy pipeline's pod gets by default (768Mi, {@code -XX:MaxRAM} standing in for it).
 * Without a Java 25 the benchmark runs GraalPy interpreted on its own JDK and the report says so.
 *
 * @param java             the {@code java} executable of a JDK whose JVMCI matches the compiler (Temurin 25.0.3)
 * @param compilerDirectory org.graalvm.compiler:compiler, truffle-compiler, collections and word of GraalPy's version
 */
record GraalPyJvm(Path java, Path compilerDirectory) {
    /** The definition format's default memory limit for pipelines with GraalPy steps. */
    static final String MAX_RAM = "-XX:MaxRAM=768m";

    GraalPyJvm {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(compilerDirectory, "compilerDirectory");
    }

    /** The JVM flags: the image's, then the JIT's with this compiler directory. */
    List<String> flags() {
        List<String> flags = new ArrayList<>();
        flags.add(MAX_RAM);
        flags.addAll(ContainerLayout.JVM_FLAGS);
        for (String flag : ContainerLayout.JIT_FLAGS) {
            flags.add(flag.startsWith("--upgrade-module-path=") ? "--upgrade-module-path=" + compilerDirectory.toAbsolutePath() : flag);
        }
        return List.copyOf(flags);
    }

    /** For the report: which JVM and flags. */
    String describe() {
        return java + " " + String.join(" ", flags());
    }
}
