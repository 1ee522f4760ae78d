package io.datapipelines.image;

import io.datapipelines.runtime.app.PipelineMain;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The jars that run inside an image: the runtime's own class path, not the CLI's (which adds Jib, the
 * embedded broker and more). The runtime jar lists its runtime-scope dependencies at build time, in
 * class path order, in {@value #LIST}; this class finds those jars next to the runtime jar (the CLI's
 * {@code lib/}) or on this JVM's class path (tests, embedding).
 *
 * <p>Jars of this project ({@code datapipelines-*}) change with every runtime release; third-party jars
 * rarely do. The image puts them in different layers so that a runtime release re-pushes only its own
 * classes. GraalPy's jars (~150 MB, listed in {@value #GRAALPY_LIST}) go only into images of pipelines with
 * GraalPy steps ({@link #withoutGraalPy}), in a layer of their own.
 */
public final class RuntimeClasspath {
    /** Written by the runtime module's build (maven-dependency-plugin build-classpath). */
    static final String LIST = "META-INF/datapipelines/runtime-classpath";
    /** GraalPy's jars among those, written likewise; a runtime jar without it has none set apart. */
    static final String GRAALPY_LIST = "META-INF/datapipelines/graalpy-classpath";
    private static final String PROJECT_JAR_PREFIX = "datapipelines-";

    private final Path runtimeJar;
    private final List<Path> classpath;
    private final String version;
    private final Set<String> graalPyJars;

    private RuntimeClasspath(Path runtimeJar, List<Path> classpath, String version, Set<String> graalPyJars) {
        this.runtimeJar = runtimeJar;
        this.classpath = List.copyOf(classpath);
        this.version = version;
        this.graalPyJars = Set.copyOf(graalPyJars);
    }

    /** The runtime this JVM runs: the jar holding {@link PipelineMain} and the dependencies it lists. */
    public static RuntimeClasspath current() throws ImageBuildException {
        Path jar;
        try {
            jar = Path.of(PipelineMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new ImageBuildException("cannot tell where the runtime's classes were loaded from", e);
        }
        List<Path> searchPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                searchPath.add(Path.of(entry));
            }
        }
        return of(jar, searchPath);
    }

    /**
     * The runtime in {@code runtimeJar}, its dependencies looked up by file name next to it, then among
     * {@code searchPath}.
     */
    public static RuntimeClasspath of(Path runtimeJar, List<Path> searchPath) throws ImageBuildException {
        if (!Files.isRegularFile(runtimeJar) || !runtimeJar.getFileName().toString().endsWith(".jar")) {
            throw new ImageBuildException("the runtime is not a packaged jar (" + runtimeJar + "): images are built from "
                    + "the jars of a build ('mvn package' or the CLI's distribution), not from class directories");
        }
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path entry : searchPath) {
            if (entry.getFileName() != null && Files.isRegularFile(entry)) {
                byName.putIfAbsent(entry.getFileName().toString(), entry);
            }
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(runtimeJar);
        List<String> missing = new ArrayList<>();
        Set<String> graalPy = new HashSet<>();
        String version;
        try (JarFile jarFile = new JarFile(runtimeJar.toFile())) {
            ZipEntry list = jarFile.getEntry(LIST);
            if (list == null) {
                throw new ImageBuildException(runtimeJar + " has no " + LIST + ": it was not built by this project's runtime module");
            }
            version = jarFile.getManifest() == null ? null : jarFile.getManifest().getMainAttributes().getValue("Implementation-Version");
            ZipEntry graalPyList = jarFile.getEntry(GRAALPY_LIST);
            if (graalPyList != null) {
                graalPy.addAll(jarNames(jarFile, graalPyList));
            }
            for (String name : jarNames(jarFile, list)) {
                Path sibling = runtimeJar.resolveSibling(name);
                Path found = Files.isRegularFile(sibling) ? sibling : byName.get(name);
                if (found == null) {
                    missing.add(name);
                } else {
                    classpath.add(found);
                }
            }
        } catch (IOException e) {
            throw new ImageBuildException("cannot read the runtime jar " + runtimeJar + ": " + e.getMessage(), e);
        }
        if (!missing.isEmpty()) {
            throw new ImageBuildException("the runtime's dependencies " + missing + " are neither next to " + runtimeJar
                    + " nor on the class path: the CLI's lib/ directory is incomplete (rebuild it)");
        }
        if (version == null || version.isBlank()) {
            throw new ImageBuildException(runtimeJar + " has no Implementation-Version in its manifest");
        }
        return new RuntimeClasspath(runtimeJar, classpath, version, graalPy);
    }

    /** The file names of the jars a class path list names (dependencies of type pom are listed too; they hold no classes). */
    private static List<String> jarNames(JarFile jarFile, ZipEntry list) throws IOException {
        String names;
        try (InputStream in = jarFile.getInputStream(list)) {
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> jars = new ArrayList<>();
        for (String entry : names.split(":")) {
            if (!entry.isBlank()) {
                String name = Path.of(entry.strip()).getFileName().toString();
                if (name.endsWith(".jar")) {
                    jars.add(name);
                }
            }
        }
        return jars;
    }

    /**
     * This runtime without GraalPy's jars: what an image of a pipeline without GraalPy steps holds (built-in and Jython
     * steps need none of them): ~150 MB less to push and pull, and less resident memory (the idle Jython pipeline of
     * the benchmarks: 155-168 MiB without them, 170-186 MiB with them on the class path).
     */
    public RuntimeClasspath withoutGraalPy() {
        return new RuntimeClasspath(runtimeJar, classpath.stream().filter(jar -> !isGraalPyJar(jar)).toList(), version, graalPyJars);
    }

    /** Whether a jar of this class path is one of GraalPy's. */
    public boolean isGraalPyJar(Path jar) {
        return graalPyJars.contains(jar.getFileName().toString());
    }

    /** The runtime's version (its jar's Implementation-Version), as images label it. */
    public String version() {
        return version;
    }

    public Path runtimeJar() {
        return runtimeJar;
    }

    /** Every jar, in class path order: the runtime jar first, then its dependencies in Maven's order. */
    public List<Path> classpath() {
        return classpath;
    }

    /** Whether a jar is this project's own (changes with each runtime build) rather than a third party's. */
    public static boolean isProjectJar(Path jar) {
        return jar.getFileName().toString().startsWith(PROJECT_JAR_PREFIX);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuntimeClasspath that && classpath.equals(that.classpath) && version.equals(that.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classpath, version);
    }

    @Override
    public String toString() {
        return "RuntimeClasspath[" + version + ", " + classpath.size() + " jars]";
    }
}
