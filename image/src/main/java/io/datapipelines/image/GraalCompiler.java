package io.datapipelines.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Graal compiler as GraalPy's JIT: the jars of {@code org.graalvm.compiler:compiler} and what it needs
 * beyond the runtime's class path (truffle-compiler, collections, word), all of GraalPy's version, in one
 * directory. A JVM with JVMCI (Java 25) loads them from {@code --upgrade-module-path}; the CLI's
 * distribution carries them in {@value #DISTRIBUTION_DIRECTORY}/ next to {@code lib/}.
 *
 * @param directory where the jars are
 * @param jars      the jars, sorted by name (so that the image layer is the same every time)
 * @param version   the compiler's version, from its jar's name (compiler-VERSION.jar)
 */
public record GraalCompiler(Path directory, List<Path> jars, String version) {
    /** The directory's name in the CLI's distribution. */
    public static final String DISTRIBUTION_DIRECTORY = "graal";
    private static final String COMPILER_PREFIX = "compiler-";

    public GraalCompiler {
        Objects.requireNonNull(directory, "directory");
        jars = List.copyOf(jars);
        Objects.requireNonNull(version, "version");
    }

    /**
     * The compiler in {@code directory}.
     *
     * @throws ImageBuildException when the directory cannot be read or holds no compiler-VERSION.jar
     */
    public static GraalCompiler in(Path directory) throws ImageBuildException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ImageBuildException("cannot read the Graal compiler directory " + directory + ": " + e.getMessage(), e);
        }
        String version = jars.stream().map(jar -> jar.getFileName().toString())
                .filter(name -> name.startsWith(COMPILER_PREFIX))
                .map(name -> name.substring(COMPILER_PREFIX.length(), name.length() - ".jar".length()))
                .findFirst()
                .orElseThrow(() -> new ImageBuildException(directory + " holds no " + COMPILER_PREFIX + "VERSION.jar (org.graalvm.compiler:compiler)"));
        return new GraalCompiler(directory, jars, version);
    }

    /** The distribution's compiler: {@value #DISTRIBUTION_DIRECTORY}/ next to the runtime jar's {@code lib/}, if there. */
    public static Optional<GraalCompiler> nextTo(RuntimeClasspath runtime) throws ImageBuildException {
        Path lib = runtime.runtimeJar().toAbsolutePath().getParent();
        Path directory = lib == null || lib.getParent() == null ? null : lib.getParent().resolve(DISTRIBUTION_DIRECTORY);
        if (directory == null || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        return Optional.of(in(directory));
    }

    /** Whether an image gets GraalPy's JIT: {@link PipelineImage.Builder#graalJit(Mode, Optional)}. */
    public enum Mode {
        /**
         * When the base says it is the compiler's JDK: its configuration, in the archive or read from the registry,
         * carries the {@value DockerArchiveConfig#JVMCI_LABEL} label (a base made for the JIT without the compiler would
         * run GraalPy interpreted without a word, so the build then fails if no compiler is available).
         */
        AUTO,
        /** Always (a base the caller knows to be a Java 25 with JVMCI of the compiler's version). */
        ON,
        /** Never: GraalPy runs interpreted, on any java 17+. */
        OFF
    }

    /**
     * Whether this compiler is the one a JDK's JVMCI accepts: its version must equal the JDK's release
     * (25.0.3 for {@code 25.0.3+9-LTS}); a newer compiler refuses an older JVMCI and Truffle then falls back
     * to its interpreter silently.
     */
    public boolean matches(String javaRuntimeVersion) {
        int end = javaRuntimeVersion.length();
        for (char stop : new char[] {'+', '-'}) {
            int at = javaRuntimeVersion.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return version.equals(javaRuntimeVersion.substring(0, end));
    }
}
