package io.datapipelines.benchmarks.kafka;

import io.datapipelines.image.ClassDataArchive;
import io.datapipelines.image.ContainerLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the runtime runs a workload whose Python steps run on GraalPy: as an image built with the JIT runs it
 * ({@code datapipelines build} on the Java 25 base), i.e. a Java 25 with JVMCI, the image's JVM flags and the
 * JIT's ({@link ContainerLayout#JIT_FLAGS}, with the Graal compiler's directory in place of {@code /app/graal});
 * the launcher adds the memory of the definition's pod ({@link ContainerMemory}; larger by default for GraalPy).
 * Without a Java 25 the benchmark runs GraalPy interpreted on its own JDK and the report says so.
 *
 * @param java             the {@code java} executable of a JDK whose JVMCI matches the compiler (Temurin 25.0.3)
 * @param compilerDirectory org.graalvm.compiler:compiler, truffle-compiler, collections and word of GraalPy's version
 * @param extraFlags       added last, for experiments (e.g. heap or code cache sizes); the report shows them
 * @param classData        GraalPy's class-data archive, as an image on the Java 25 base maps it ({@link ClassDataArchive});
 *                         null for none. The JVM maps it only when the runtime's class path starts with the jars it
 *                         was dumped with and the compiler directory is the one it was dumped with.
 */
record GraalPyJvm(Path java, Path compilerDirectory, List<String> extraFlags, Path classData) {
    GraalPyJvm {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(compilerDirectory, "compilerDirectory");
        extraFlags = List.copyOf(extraFlags);
    }

    GraalPyJvm(Path java, Path compilerDirectory, List<String> extraFlags) {
        this(java, compilerDirectory, extraFlags, null);
    }

    /**
     * The JVM flags: an image's with the JIT ({@link ContainerLayout#jvmFlags}), with this compiler directory, and with
     * the class data as {@link ClassDataArchive#jvmFlags} maps it when there is one.
     */
    List<String> flags() {
        List<String> flags = new ArrayList<>();
        for (String flag : ContainerLayout.jvmFlags(true)) {
            flags.add(flag.startsWith("--upgrade-module-path=") ? "--upgrade-module-path=" + compilerDirectory.toAbsolutePath() : flag);
        }
        if (classData != null) {
            flags = new ArrayList<>(ClassDataArchive.jvmFlags(flags, classData.toAbsolutePath().toString()));
            // An archive that does not fit is ignored without a word; here that would measure the wrong thing: fail instead.
            flags.add("-Xshare:on");
        }
        flags.addAll(extraFlags);
        return List.copyOf(flags);
    }

    /** For the report: which JVM and flags. */
    String describe() {
        return java + " " + String.join(" ", flags());
    }
}
