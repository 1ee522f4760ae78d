package io.datapipelines.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.datapipelines.runtime.app.PipelineMain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where things are in a pipeline image and how it starts. Three layers on top of the base, from the least
 * to the most often changing, so that a registry holds each only once:
 * <ol>
 *   <li>{@code dependencies}: third-party jars in {@value #LIB}, shared by every pipeline and revision;</li>
 *   <li>{@code runtime}: this project's jars in {@value #RUNTIME}, shared by every pipeline on one runtime version;</li>
 *   <li>{@code pipeline}: the canonical definition at {@link PipelineMain#IMAGE_DEFINITION}, the only
 *       per-revision layer (a few kilobytes).</li>
 * </ol>
 */
public final class ContainerLayout {
    public static final String LIB = "/app/lib";
    public static final String RUNTIME = "/app/runtime";
    public static final String DEFINITION = PipelineMain.IMAGE_DEFINITION;
    public static final String WORKING_DIRECTORY = "/app";

    public static final String DEPENDENCIES_LAYER = "dependencies";
    public static final String RUNTIME_LAYER = "runtime";
    public static final String PIPELINE_LAYER = "pipeline";
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
     * <p>The heap starts at 37.5% of the limit, half of it young generation. A pipeline allocates a few KiB
     * per record that die at once, while the JVM's own default (a heap of 1/64 of the limit that grows from
     * there, a third of it young) collects dozens of times a second under load, each time copying the
     * records in flight. On an idle 2-core machine these two flags took the built-in benchmark pipeline
     * from 142-153k to 185-203k records/s through a real broker (single runs of benchmarks/ with
     * --runtime-jvm-flags; docs/benchmarks.md has the published figures). The young generation is touched in full under load, so a pod's resident memory
     * grows by about 20% of its limit; the definition format's default limit (512Mi) leaves room for it.
     */
    public static final List<String> JVM_FLAGS = List.of(
            "-XX:MaxRAMPercentage=75",
            "-XX:InitialRAMPercentage=37.5",
            "-XX:NewRatio=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.io.tmpdir=/tmp");

    private ContainerLayout() {
    }

    /** Where a class path jar goes in the image. */
    static AbsoluteUnixPath pathOf(Path jar) {
        String directory = RuntimeClasspath.isProjectJar(jar) ? RUNTIME : LIB;
        return AbsoluteUnixPath.get(directory + "/" + jar.getFileName());
    }

    /** The container's entrypoint: java with the flags above, the runtime's class path (in its order) and the main class. */
    static List<String> entrypoint(RuntimeClasspath runtime) {
        List<String> entrypoint = new ArrayList<>();
        entrypoint.add("java");
        entrypoint.addAll(JVM_FLAGS);
        entrypoint.add("-cp");
        entrypoint.add(String.join(":", runtime.classpath().stream().map(jar -> pathOf(jar).toString()).toList()));
        entrypoint.add(PipelineMain.class.getName());
        return entrypoint;
    }

    /** The dependencies and runtime layers: jars with Jib's fixed file times and permissions (0644, root). */
    static List<FileEntriesLayer> jarLayers(RuntimeClasspath runtime) {
        FileEntriesLayer.Builder dependencies = FileEntriesLayer.builder().setName(DEPENDENCIES_LAYER);
        FileEntriesLayer.Builder classes = FileEntriesLayer.builder().setName(RUNTIME_LAYER);
        for (Path jar : runtime.classpath()) {
            (RuntimeClasspath.isProjectJar(jar) ? classes : dependencies).addEntry(jar, pathOf(jar));
        }
        return List.of(dependencies.build(), classes.build());
    }

    /** The pipeline layer: the canonical definition written to {@code file}. */
    static FileEntriesLayer definitionLayer(Path file) {
        return FileEntriesLayer.builder().setName(PIPELINE_LAYER).addEntry(file, AbsoluteUnixPath.get(DEFINITION)).build();
    }
}
