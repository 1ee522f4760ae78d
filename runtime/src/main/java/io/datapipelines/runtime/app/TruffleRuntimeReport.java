package io.datapipelines.runtime.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.graalvm.polyglot.Engine;
import org.slf4j.Logger;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Objects;

/**
 * Which Truffle runtime runs GraalPy in this JVM, said once at start-up. The Graal JIT is used only when
 * the JVM is a Java 25 with JVMCI enabled and the compiler on its upgrade module path is EXACTLY GraalPy's
 * version; any mismatch makes Truffle fall back to its interpreter without a word (it is 3-5 times slower
 * on Python code). So the runtime reads the engine's implementation name ("GraalVM CE" with the JIT,
 * "Interpreted" without) and logs it, with a warning when a JVMCI JVM runs the interpreter, and exports
 * it as the metric {@code datapipelines_python_runtime_info{name="..."} 1}.
 *
 * <pre>{@code
 * TruffleRuntimeReport report = TruffleRuntimeReport.of(engine);   // the Python engine's shared Engine
 * report.log(LOG);
 * report.bindTo(registry);
 * }</pre>
 *
 * @param name        the engine's implementation name
 * @param jvmciJvm    whether this JVM was started for the JIT: Java 25+ with {@code -XX:+EnableJVMCI}
 * @param javaVersion this JVM's version, for the log line
 */
public record TruffleRuntimeReport(String name, boolean jvmciJvm, String javaVersion) {
    /** What {@link Engine#getImplementationName()} says when no optimizing runtime was found. */
    public static final String INTERPRETED = "Interpreted";
    /** The metric, in Micrometer's dotted form. */
    public static final String METRIC = "datapipelines.python.runtime.info";

    public TruffleRuntimeReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(javaVersion, "javaVersion");
    }

    /** Reads an existing engine: cheap (no context, no language is initialised). */
    public static TruffleRuntimeReport of(Engine engine) {
        return new TruffleRuntimeReport(engine.getImplementationName(), jvmciEnabled(), Runtime.version().toString());
    }

    /** Whether the JIT is expected: a Java 25 or later started with JVMCI enabled (the image's and launcher's flags). */
    static boolean jvmciEnabled() {
        if (Runtime.version().feature() < 25) {
            return false;
        }
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return arguments.contains("-XX:+EnableJVMCI") && !arguments.contains("-XX:-EnableJVMCI");
    }

    /** Whether GraalPy runs on the interpreter only. */
    public boolean interpreted() {
        return INTERPRETED.equals(name);
    }

    /** Whether the JIT was expected (a JVMCI JVM) but the interpreter runs: a compiler/GraalPy version mismatch. */
    public boolean fellBack() {
        return jvmciJvm && interpreted();
    }

    /** One line at INFO, or a loud WARN when a JVMCI JVM fell back to the interpreter. */
    public void log(Logger log) {
        if (fellBack()) {
            log.warn("PYTHON RUNS INTERPRETED: this Java {} has JVMCI enabled but Truffle did not load the Graal compiler "
                    + "(its version must equal GraalPy's, and it must be on --upgrade-module-path); Python steps run 3-5x slower. "
                    + "Rebuild the image on the base made for this runtime version (docs/images.md)", javaVersion);
        } else if (interpreted()) {
            log.info("Python (GraalPy) runs on the Truffle runtime '{}' (Java {} without JVMCI: no JIT; a Java 25 base image "
                    + "with the Graal compiler makes Python steps 3-5x faster, docs/images.md)", name, javaVersion);
        } else {
            log.info("Python (GraalPy) runs on the Truffle runtime '{}' (Graal JIT, Java {})", name, javaVersion);
        }
    }

    /** Registers {@code datapipelines_python_runtime_info{name="..."}} = 1 (an info metric: the value is in the tag). */
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(METRIC, () -> 1)
                .description("The Truffle runtime GraalPy runs on: 'GraalVM CE' with the Graal JIT, 'Interpreted' without")
                .tag("name", name)
                .register(registry);
    }
}
