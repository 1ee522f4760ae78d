package io.datapipelines.benchmarks.kafka;

import io.datapipelines.image.ImageBuildException;
import io.datapipelines.image.RuntimeClasspath;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Starts the runtime or a hand-written contender for a workload against one broker, and keeps the first command line
 * of each kind for the report.
 */
final class ContenderLauncher {
    static final String BARE_STREAMS_MAIN = "io.datapipelines.benchmarks.limit.BareStreamsApp";
    static final String PLAIN_LOOP_MAIN = "io.datapipelines.benchmarks.limit.PlainClientLoop";
    private final String bootstrapServers;
    private final String runtimeClasspath;
    private final String runtimeClasspathWithoutGraalPy;
    private final List<String> runtimeJvmFlags;
    private final String python;
    private final Path peerScript;
    private final String contenderClasspath;
    private final GraalPyJvm graalPyJvm;
    private final Map<String, String> commands = new TreeMap<>();

    /**
     * @param contenderClasspath the harness's own classpath, which holds the hand-written Java contenders
     *                           (they are forked with the runtime's JVM flags)
     * @param graalPyJvm         the JVM for workloads with GraalPy steps; null: this harness's JVM and runtimeJvmFlags
     */
    ContenderLauncher(String bootstrapServers, String runtimeClasspath, List<String> runtimeJvmFlags, String python, Path peerScript,
                      String contenderClasspath, GraalPyJvm graalPyJvm) {
        this.bootstrapServers = bootstrapServers;
        this.runtimeClasspath = runtimeClasspath;
        this.runtimeClasspathWithoutGraalPy = withoutGraalPy(runtimeClasspath);
        this.runtimeJvmFlags = List.copyOf(runtimeJvmFlags);
        this.python = python;
        this.peerScript = peerScript;
        this.contenderClasspath = contenderClasspath;
        this.graalPyJvm = graalPyJvm;
    }

    /**
     * @param tag makes the consumer group (and the runtime's application.id) unique to this run
     * @param dir the run's directory: definition, logs, state
     */
    Contender start(Workload workload, String guarantee, String source, String sink, String deadLetters, String tag, Path dir)
            throws Exception {
        String group = workload.id() + "-" + tag;
        // the hand-written Java contenders get a pod of the default size, like (a)
        List<String> command = switch (workload.kind()) {
            case PIPELINE, SHADOW -> null;
            case PEER -> LoopContender.peerCommand(python, peerScript, bootstrapServers, source, sink, group, guarantee);
            case BARE_STREAMS -> LoopContender.javaCommand(withPodMemory(ContainerMemory.defaultPodFlag(), runtimeJvmFlags), contenderClasspath,
                    BARE_STREAMS_MAIN, bootstrapServers, source, sink, group, guarantee, dir.resolve("state"));
            case PLAIN_LOOP -> LoopContender.javaCommand(withPodMemory(ContainerMemory.defaultPodFlag(), runtimeJvmFlags), contenderClasspath,
                    PLAIN_LOOP_MAIN, bootstrapServers, source, sink, group, guarantee, dir.resolve("state"));
        };
        if (command == null) {
            return workload.kind() == Workload.Kind.SHADOW ? startShadow(workload, source, sink, deadLetters, tag, dir)
                    : startRuntime(workload, guarantee, source, sink, deadLetters, tag, dir);
        }
        commands.putIfAbsent(workload.id() + ", " + guarantee, shortenClasspath(String.join(" ", command)));
        return LoopContender.start(command, group, dir.resolve(workload.id() + ".log"));
    }

    RuntimeContender startRuntime(Workload workload, String guarantee, String source, String sink, String deadLetters, String tag, Path dir)
            throws Exception {
        String pipeline = workload.pipelineName();
        Path definition = dir.resolve(pipeline + ".yaml");
        String yaml = workload.definition(pipeline, source, sink, deadLetters, guarantee);
        Files.writeString(definition, yaml, StandardCharsets.UTF_8);
        RuntimeJvm jvm = runtimeJvm(workload, graalPyJvm, runtimeJvmFlags);
        String runtimeClasspath = runtimeClasspathFor(workload);
        List<String> flags = withPodMemory(ContainerMemory.maxRamFlag(yaml), jvm.flags());
        StringBuilder environment = new StringBuilder();
        new TreeMap<>(RuntimeContender.environment(bootstrapServers, guarantee)).forEach((k, v) -> environment.append(k).append('=').append(v).append(' '));
        commands.putIfAbsent(jvm.kind() + ", " + guarantee, environment + shortenClasspath(String.join(" ",
                RuntimeContender.command(jvm.java(), flags, runtimeClasspath, definition, tag, 8080, dir.resolve("state")))));
        return RuntimeContender.start(jvm.java(), flags, runtimeClasspath, bootstrapServers, definition, pipeline, tag, guarantee, dir, jvm.jit());
    }

    /**
     * The java and JVM flags (before the pod's memory) that run a workload's runtime.
     *
     * @param kind how the report names the command: "runtime", "runtime with GraalPy's JIT" or "runtime on Java 25"
     * @param jit  whether the runtime must report the Graal JIT
     */
    record RuntimeJvm(String java, List<String> flags, boolean jit, String kind) {
    }

    /**
     * GraalPy's workloads on the given Java 25 with an image's flags and the JIT's; (a) again on that java with an
     * image's flags only, as an image without Python steps on the Java 25 base runs; everything else on this harness's
     * java. Without a Java 25 every workload runs on this harness's java.
     */
    static RuntimeJvm runtimeJvm(Workload workload, GraalPyJvm graalPyJvm, List<String> runtimeJvmFlags) {
        if (graalPyJvm != null && workload.runsGraalPy()) {
            return new RuntimeJvm(graalPyJvm.java().toString(), graalPyJvm.flags(), true, "runtime with GraalPy's JIT");
        }
        if (graalPyJvm != null && workload.runsOnJava25()) {
            return new RuntimeJvm(graalPyJvm.java().toString(), List.copyOf(runtimeJvmFlags), false, "runtime on Java 25");
        }
        return new RuntimeJvm(RuntimeContender.harnessJava(), List.copyOf(runtimeJvmFlags), false, "runtime");
    }

    /**
     * The shadow of {@code workload}'s definition against itself (exactly-once is the live definition's guarantee; the
     * shadow commits its own offsets either way). Its group's offsets must be at the source's start before it starts.
     */
    RuntimeContender startShadow(Workload workload, String source, String sink, String deadLetters, String tag, Path dir) throws Exception {
        String pipeline = workload.pipelineName();
        Path live = dir.resolve(pipeline + "-live.yaml");
        Path candidate = dir.resolve(pipeline + ".yaml");
        String definition = workload.definition(pipeline, source, sink, deadLetters, "exactly-once");
        Files.writeString(live, definition, StandardCharsets.UTF_8);
        Files.writeString(candidate, definition, StandardCharsets.UTF_8);
        String java = RuntimeContender.harnessJava();
        List<String> flags = withPodMemory(ContainerMemory.maxRamFlag(definition), runtimeJvmFlags);
        String runtimeClasspath = runtimeClasspathFor(workload);
        commands.putIfAbsent("shadow", shortenClasspath(String.join(" ",
                RuntimeContender.shadowCommand(java, flags, runtimeClasspath, live, candidate, tag, 8080, dir.resolve("state")))));
        return RuntimeContender.startShadow(java, flags, runtimeClasspath, bootstrapServers, live, candidate, pipeline, tag, dir);
    }

    /** The runtime's class path as the workload's image holds it: GraalPy's jars only with GraalPy steps. */
    private String runtimeClasspathFor(Workload workload) {
        return workload.runsGraalPy() ? runtimeClasspath : runtimeClasspathWithoutGraalPy;
    }

    /**
     * The runtime's class path without GraalPy's jars, in its order: what the image of a pipeline without GraalPy steps
     * holds ({@link RuntimeClasspath#withoutGraalPy}). The runtime jar lists them; it comes first, or after GraalPy's
     * jars when they come first for a class-data archive ({@link GraalPyJvm#classData}).
     */
    static String withoutGraalPy(String classpath) {
        List<Path> entries = Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank()).map(Path::of).toList();
        Path runtimeJar = entries.stream().filter(entry -> entry.getFileName().toString().startsWith("datapipelines-runtime-"))
                .findFirst().orElse(entries.get(0));
        RuntimeClasspath runtime;
        try {
            runtime = RuntimeClasspath.of(runtimeJar, entries);
        } catch (ImageBuildException e) {
            throw new IllegalArgumentException("--runtime-classpath: " + e.getMessage(), e);
        }
        return entries.stream().filter(jar -> !runtime.isGraalPyJar(jar)).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** The pod's memory limit ({@code -XX:MaxRAM}) first: flags after it (experiments) may override it. */
    private static List<String> withPodMemory(String maxRam, List<String> flags) {
        List<String> all = new ArrayList<>(List.of(maxRam));
        all.addAll(flags);
        return all;
    }

    /** The first command line of each kind started, by kind. */
    Map<String, String> commands() {
        return Map.copyOf(commands);
    }

    /** A classpath as {@code <classpath>}: the report shows how a process was started, not every jar. */
    static String shortenClasspath(String command) {
        return command.replaceAll("(-cp )(\\S+)", "$1<classpath>");
    }
}
