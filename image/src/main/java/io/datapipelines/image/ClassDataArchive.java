package io.datapipelines.image;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GraalPy's class data in a base image: a CDS archive at {@value #FILE} of the classes a GraalPy pipeline loads
 * (GraalPy's, Truffle's, the Graal compiler's and the JDK's), made by {@code .ci/base-image.sh 25}. The JVM then maps
 * them at start instead of reading, parsing and verifying some 23,000 classes from jars: a GraalPy pipeline's first
 * record comes 1.3-2.0 s sooner (benchmarks/README.md, "Seventh pass").
 *
 * <p>The JVM uses an archive only when its own class path starts with the class path the archive was dumped with
 * (the same jars, sizes and file times) and the module path is the same, and never with
 * {@code --upgrade-module-path}. So the base says in its {@value #LABEL} label which class path that was (GraalPy's
 * jars as images hold them, in {@value ContainerLayout#LIB}); an image whose GraalPy jars are exactly those puts them
 * first on its class path and loads the Graal compiler from {@code --module-path} (the base's jlink runtime has no
 * compiler of its own to take precedence). A mismatch would cost no correctness, only the time: the JVM silently
 * reads the jars instead. So it is checked here, at build time, and said.
 *
 * @param classpath the archive's class path, in order: image paths of GraalPy's jars
 */
public record ClassDataArchive(List<String> classpath) {
    /** Set by .ci/base-image.sh 25: the archive's class path, colon-separated. */
    static final String LABEL = "io.datapipelines.class-data";
    /** Where the archive is in the base. */
    public static final String FILE = "/opt/datapipelines/graalpy.jsa";
    private static final String UPGRADE_MODULE_PATH = "--upgrade-module-path=";

    public ClassDataArchive {
        classpath = List.copyOf(classpath);
        if (classpath.isEmpty()) {
            throw new IllegalArgumentException("a class-data archive's class path is not empty");
        }
    }

    /** The archive a base's labels announce, if any. */
    static Optional<ClassDataArchive> of(Map<String, String> baseLabels) {
        String value = baseLabels.get(LABEL);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ClassDataArchive(List.of(value.strip().split(":"))));
    }

    /** Whether the archive was made for these GraalPy jars (image paths): the same set; the archive's order wins. */
    boolean fits(List<String> graalPyJars) {
        return graalPyJars.size() == classpath.size() && new HashSet<>(graalPyJars).equals(new HashSet<>(classpath));
    }

    /** {@code classpath} (an image's, in its order) with the archive's jars first, in the archive's order. */
    List<String> reorder(List<String> imageClasspath) {
        List<String> ordered = new ArrayList<>(classpath);
        imageClasspath.stream().filter(entry -> !classpath.contains(entry)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /**
     * The JIT's flags ({@code jitFlags}) for a JVM that maps the archive {@code file}: the compiler from the module path
     * rather than the upgrade module path (which turns class-data sharing off), and the archive.
     */
    public static List<String> jvmFlags(List<String> jitFlags, String file) {
        List<String> flags = new ArrayList<>();
        for (String flag : jitFlags) {
            if (flag.startsWith(UPGRADE_MODULE_PATH)) {
                flags.add("--module-path=" + flag.substring(UPGRADE_MODULE_PATH.length()));
                flags.add("--add-modules=jdk.graal.compiler");
            } else {
                flags.add(flag);
            }
        }
        flags.add("-XX:SharedArchiveFile=" + file);
        return List.copyOf(flags);
    }
}
