package io.datapipelines.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.datapipelines.runtime.app.PipelineMain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where things are in a pipeline image and how it starts. Three or four layers on top of the base, from the least
 * to the most often changing, so that a registry holds each only once:
 * <ol>
 *   <li>{@code dependencies}: third-party jars in {@value #LIB}, shared by every pipeline and revision;</li>
 *   <li>{@code graalpy}: GraalPy's jars, in {@value #LIB} too, only in images of pipelines with GraalPy steps and shared
 *       by all of them ({@link RuntimeClasspath#withoutGraalPy});</li>
 *   <li>{@code runtime}: this project's jars in {@value #RUNTIME}, shared by every pipeline on one runtime version;</li>
 *   <li>{@code pipeline}: the canonical definition at {@link PipelineMain#IMAGE_DEFINITION}, the only
 *       per-revision layer (a few kilobytes).</li>
 * </ol>
 */
public final class ContainerLayout {
    public static final String LIB = "/app/lib";
    public static final String RUNTIME = "/app/runtime";
    /**
     * The Graal compiler's jars, in images built with the JIT: on the JVM's upgrade module path, or its module path on a
     * base with GraalPy's class data ({@link ClassDataArchive#jvmFlags}).
     */
    public static final String GRAAL = "/app/graal";
    public static final String DEFINITION = PipelineMain.IMAGE_DEFINITION;
    public static final String WORKING_DIRECTORY = "/app";

    public static final String DEPENDENCIES_LAYER = "dependencies";
    public static final String GRAALPY_LAYER = "graalpy";
    public static final String RUNTIME_LAYER = "runtime";
    public static final String PIPELINE_LAYER = "pipeline";
    /** Only in images built with the JIT: below the dependencies, since it changes only with GraalPy's version. */
    public static final String COMPILER_LAYER = "compiler";
    /** What the base image's layers are called in reports. */
    public static final String BASE_LAYER = "base";

    /** A numeric, non-root user and group (distroless' "nonroot"): runAsNonRoot can check it without /etc/passwd. */
    public static final String USER = "65532:65532";
    public static final int HTTP_PORT = 8080;

    /**
     * JVM flags for a container: size the heap from the container's memory limit, not the node's; exit on
     * OutOfMemoryError so that Kubernetes restarts the pod from the last committed offsets instead of
     * leaving a half-working JVM; temporary files (and the default state directory) in /tmp, the one
     * writable directory. JAVA_TOOL_OPTIONS adds to them at run time.
     *
     * <p>The collector is the throughput one (Parallel) with a young generation of at most 64 MiB. A
     * pipeline allocates a few KiB per record that die at once; in a 512Mi container the JVM would pick
     * Serial with a heap that starts at 8 MiB, a third of it young, and collect dozens of times a second
     * under load, each time copying the records in flight. Parallel grows the young generation while records
     * flow and keeps it small while the pipeline idles; the cap keeps a loaded pod's resident memory near
     * half the default limit. On an idle 2-core machine (single runs through a real broker) the built-in
     * benchmark pipeline went from 142-153k records/s with the JVM's choice to 195-237k, with idle resident
     * memory about the same (151-157 MiB); a cap of 64 MiB rather than 80 MiB cost no throughput that single
     * runs could show and saved 10-20 MiB under load. docs/benchmarks.md has the published figures.
     */
    public static final List<String> JVM_FLAGS = List.of(
            "-XX:MaxRAMPercentage=75",
            "-XX:+UseParallelGC",
            "-XX:MaxNewSize=64m",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.io.tmpdir=/tmp",
            // GraalPy unpacks its Python home (~24 MB) on first use; by default under ~/.cache, which the
            // image's user has not (and the root file system may be read-only).
            "-Dpolyglot.engine.userResourceCache=/tmp/polyglot");

    /** The heap's share of the memory limit: {@link #JVM_FLAGS}' and, in images built with the JIT, {@link #JIT_FLAGS}'. */
    private static final String HEAP_SHARE = "-XX:MaxRAMPercentage=";

    /**
     * In images built with the JIT (on the Java 25 base), in place of {@link #JVM_FLAGS}' heap share: a quarter of the
     * memory limit (256 MiB of the 1024Mi GraalPy pipelines get by default). Beside the heap the JIT needs 300-450 MiB
     * (metaspace ~110 MiB, code ~70 MiB, GraalPy's and the Graal compiler's classes and symbols), while a pipeline's
     * live heap stayed near 85-105 MiB: Parallel would otherwise grow the heap to its cap (garbage of compilations is
     * promoted), which with half of 1280 MiB made peak resident memory 1,036-1,131 MiB through a broker. With this
     * share: 566-720 MiB (uppercase, five steps, the heavy step), the same throughput, a full collection of ~150 ms
     * every few seconds under the heavy step (benchmarks/README.md). Then JVMCI on, the Graal compiler of GraalPy's exact version
     * loaded from {@value #GRAAL} in place of the JDK's, and native access and sun.misc.Unsafe for Truffle (without
     * them Java 25 prints warnings at start-up). Truffle then reports the runtime "GraalVM CE"; the runtime logs it
     * ({@code TruffleRuntimeReport}).
     *
     * <p>Last, HotSpot's C2 (tier 4) compiles a method only after 150,000 invocations or 1,200,000 loop back edges, 30
     * times the defaults (C1 keeps its own thresholds, so code still leaves the interpreter as soon). The Graal compiler
     * runs as Java code here (there is no libgraal for a stock JDK), so at start-up C2 compiled hundreds of its and
     * GraalPy's methods that had only just crossed the default thresholds, ~4 s of CPU of the 12-17 s a process spent
     * to its first Python call on two cores. With these thresholds that CPU went to the start instead: in-process, the
     * heavy step's first call came 1.5 s sooner (7.1-7.3 s against 8.6-8.8 s on a slow hour) with the same steady state;
     * through a broker (three alternating rounds each), start to first record 5.5-6.2 s against 7.0-12.2 s (uppercase)
     * and 7.9-8.2 s against 9.3-10.3 s (the heavy field step), 2-5 s less CPU per run, later halves the same or higher
     * (benchmarks/README.md, sixth pass). The hot paths of Kafka Streams and of the steps still reach C2 within a
     * second of load; 10 times the defaults gained less, 100 times no more.
     */
    public static final List<String> JIT_FLAGS = List.of(
            HEAP_SHARE + "25",
            "-XX:+UnlockExperimentalVMOptions",
            "-XX:+EnableJVMCI",
            "--upgrade-module-path=" + GRAAL,
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "-XX:Tier4InvocationThreshold=150000",
            "-XX:Tier4MinInvocationThreshold=60000",
            "-XX:Tier4CompileThreshold=180000",
            "-XX:Tier4BackEdgeThreshold=1200000");

    private ContainerLayout() {
    }

    /** The JVM flags of an image: {@link #JVM_FLAGS}, and with the JIT {@link #JIT_FLAGS} (whose heap share replaces theirs). */
    public static List<String> jvmFlags(boolean jit) {
        if (!jit) {
            return JVM_FLAGS;
        }
        List<String> flags = new ArrayList<>(JVM_FLAGS.stream().filter(flag -> !flag.startsWith(HEAP_SHARE)).toList());
        flags.addAll(JIT_FLAGS);
        return List.copyOf(flags);
    }

    /** Where a class path jar goes in the image. */
    static AbsoluteUnixPath pathOf(Path jar) {
        String directory = RuntimeClasspath.isProjectJar(jar) ? RUNTIME : LIB;
        return AbsoluteUnixPath.get(directory + "/" + jar.getFileName());
    }

    /**
     * The container's entrypoint: java with the flags above (and the JIT's when {@code jit}), the runtime's class
     * path (in its order) and the main class.
     */
    static List<String> entrypoint(RuntimeClasspath runtime, boolean jit) {
        return entrypoint(runtime, jit, Optional.empty());
    }

    /**
     * The entrypoint of a JIT image on a base with GraalPy's class data ({@code classData}, which must fit the
     * runtime's GraalPy jars): those jars first, in the archive's order, and {@link ClassDataArchive#jvmFlags}.
     */
    static List<String> entrypoint(RuntimeClasspath runtime, boolean jit, Optional<ClassDataArchive> classData) {
        List<String> classpath = runtime.classpath().stream().map(jar -> pathOf(jar).toString()).toList();
        List<String> entrypoint = new ArrayList<>();
        entrypoint.add("java");
        if (jit && classData.isPresent()) {
            entrypoint.addAll(ClassDataArchive.jvmFlags(jvmFlags(true), ClassDataArchive.FILE));
            classpath = classData.get().reorder(classpath);
        } else {
            entrypoint.addAll(jvmFlags(jit));
        }
        entrypoint.add("-cp");
        entrypoint.add(String.join(":", classpath));
        entrypoint.add(PipelineMain.class.getName());
        return entrypoint;
    }

    /** Image paths of the runtime's GraalPy jars, in class path order. */
    static List<String> graalPyJars(RuntimeClasspath runtime) {
        return runtime.classpath().stream().filter(runtime::isGraalPyJar).map(jar -> pathOf(jar).toString()).toList();
    }

    /**
     * The dependencies, GraalPy (when the class path has GraalPy's jars) and runtime layers: jars with Jib's fixed file
     * times and permissions (0644, root).
     */
    static List<FileEntriesLayer> jarLayers(RuntimeClasspath runtime) {
        FileEntriesLayer.Builder dependencies = FileEntriesLayer.builder().setName(DEPENDENCIES_LAYER);
        FileEntriesLayer.Builder graalPy = FileEntriesLayer.builder().setName(GRAALPY_LAYER);
        FileEntriesLayer.Builder classes = FileEntriesLayer.builder().setName(RUNTIME_LAYER);
        boolean anyGraalPy = false;
        for (Path jar : runtime.classpath()) {
            if (RuntimeClasspath.isProjectJar(jar)) {
                classes.addEntry(jar, pathOf(jar));
            } else if (runtime.isGraalPyJar(jar)) {
                graalPy.addEntry(jar, pathOf(jar));
                anyGraalPy = true;
            } else {
                dependencies.addEntry(jar, pathOf(jar));
            }
        }
        return anyGraalPy ? List.of(dependencies.build(), graalPy.build(), classes.build()) : List.of(dependencies.build(), classes.build());
    }

    /** The compiler layer: the Graal compiler's jars in {@value #GRAAL}, with Jib's fixed file times and permissions. */
    static FileEntriesLayer compilerLayer(GraalCompiler compiler) {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(COMPILER_LAYER);
        for (Path jar : compiler.jars()) {
            layer.addEntry(jar, AbsoluteUnixPath.get(GRAAL + "/" + jar.getFileName()));
        }
        return layer.build();
    }

    /** The pipeline layer: the canonical definition written to {@code file}. */
    static FileEntriesLayer definitionLayer(Path file) {
        return FileEntriesLayer.builder().setName(PIPELINE_LAYER).addEntry(file, AbsoluteUnixPath.get(DEFINITION)).build();
    }
}
