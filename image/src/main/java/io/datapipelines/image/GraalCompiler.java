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

    /** Whether an image gets GraalPy's JIT: {@link #choose}. */
    public enum Mode {
        /** When the base says it is the compiler's JDK (a docker-archive with the {@value DockerArchiveConfig#JVMCI_LABEL} label). */
        AUTO,
        /** Always (a registry base the caller knows to be a Java 25 with JVMCI of the compiler's version). */
        ON,
        /** Never: GraalPy runs interpreted, on any java 17+. */
        OFF
    }

    /**
     * The compiler an image on {@code base} gets, if any: for {@link Mode#ON} the distribution's (required),
     * for {@link Mode#AUTO} the distribution's when the base is a docker-archive whose configuration carries the
     * {@value DockerArchiveConfig#JVMCI_LABEL} label (a registry base's configuration is not read before the
     * build: say {@link Mode#ON}), for {@link Mode#OFF} none. The build then checks a labelled base's version.
     *
     * @throws ImageBuildException when the JIT is wanted (ON, or AUTO on a labelled base) but there is no compiler
     *                             next to the runtime, or the archive cannot be read
     */
    public static Optional<GraalCompiler> choose(Mode mode, BaseImage base, RuntimeClasspath runtime) throws ImageBuildException {
        return switch (mode) {
            case OFF -> Optional.empty();
            case ON -> Optional.of(required(runtime, "--jit on"));
            // A base made for the JIT without the compiler would run GraalPy interpreted without a word: refused.
            case AUTO -> base instanceof BaseImage.DockerArchive archive
                    && DockerArchiveConfig.labels(archive.file()).containsKey(DockerArchiveConfig.JVMCI_LABEL)
                    ? Optional.of(required(runtime, "the base is labelled " + DockerArchiveConfig.JVMCI_LABEL)) : Optional.empty();
        };
    }

    private static GraalCompiler required(RuntimeClasspath runtime, String why) throws ImageBuildException {
        return nextTo(runtime).orElseThrow(() -> new ImageBuildException("no Graal compiler next to " + runtime.runtimeJar()
                + " (the distribution's " + DISTRIBUTION_DIRECTORY + "/ directory), but " + why + ": cannot build with GraalPy's JIT"
                + " (--jit off builds without it)"));
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
