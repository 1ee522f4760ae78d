package io.datapipelines.runtime.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.datapipelines.model.PythonChecker.CodeProblem;
import io.datapipelines.model.PythonEngineKind;
import io.datapipelines.model.PythonSettings;

/**
 * GraalPy (Python 3.12, embedded): the default engine. ONE {@link Engine} per process, made on first
 * use (so only by pipelines with Python steps), shared by every task's {@link Context}: the engine
 * holds the parsed and compiled code, so a second context costs a fraction of the first.
 *
 * <p>The sandbox (community edition; docs/python.md): no host (Java) access, no polyglot access, no
 * process creation, no native code, no threads, no environment variables (only {@code PYTHONTZPATH}),
 * and a file system that only reads the time-zone database under {@value #ZONEINFO} (plus GraalPy's own
 * standard library, an internal resource). What a step tries beyond that raises in Python
 * ({@code PermissionError}, {@code ImportError}...), which makes it a record error.
 */
final class GraalPyEngine implements PythonEngine {
    static final GraalPyEngine INSTANCE = new GraalPyEngine();
    static final String ZONEINFO = "/usr/share/zoneinfo";

    private static final Logger LOG = LoggerFactory.getLogger(GraalPyEngine.class);
    private static final Source HARNESS = harnessSource();

    private volatile Engine engine;
    private Context checkContext;
    private Value checkFunction;

    private GraalPyEngine() {
    }

    @Override
    public PythonEngineKind kind() {
        return PythonEngineKind.GRAALPY;
    }

    /** The shared engine, made (and its Truffle runtime logged) on first use. */
    Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = Engine.newBuilder("python")
                            .option("engine.WarnInterpreterOnly", "false") // said once, below, in our words
                            .build();
                    String runtime = e.getImplementationName();
                    // DEBUG: the runtime's start-up report (TruffleRuntimeReport) says this once, loudly when a JVMCI JVM
                    // fell back; the CLI's launcher says it on a JDK 25 without the matching compiler.
                    if (runtime.toLowerCase(java.util.Locale.ROOT).contains("interpreted")) {
                        LOG.debug("GraalPy {} runs on the {} Truffle runtime: Python steps are not JIT-compiled and run several times slower"
                                + " (start on a JDK with JVMCI and the Graal compiler, as the image does: docs/python.md)", e.getVersion(), runtime);
                    } else {
                        LOG.info("GraalPy {} on the {} Truffle runtime", e.getVersion(), runtime);
                    }
                    engine = e;
                }
            }
        }
        return e;
    }

    /** The Truffle runtime's name ("Interpreted", "GraalVM CE"...), for the start-up log and metrics. */
    String truffleRuntime() {
        return engine().getImplementationName();
    }

    @Override
    public PythonTask newTask(PythonSettings settings) {
        return new GraalPyTask(this, settings.timeout(), PythonOutput.stdoutToLog(), PythonOutput.stderrToLog());
    }

    /** A sandboxed context on the shared engine, with the harness loaded; returns the harness module's globals. */
    Context newContext(OutputStream out, OutputStream err) {
        Context context = Context.newBuilder("python")
                .engine(engine())
                .allowAllAccess(false)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(name -> false)
                .allowHostClassLoading(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .environment("PYTHONTZPATH", ZONEINFO)
                .allowIO(IOAccess.newBuilder().fileSystem(zoneInfoOnly()).build())
                .option("python.PosixModuleBackend", "java")
                .option("python.DontWriteBytecodeFlag", "true")
                .in(InputStream.nullInputStream())
                .out(out)
                .err(err)
                .build();
        try {
            context.eval(HARNESS);
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
        return context;
    }

    /** Reads only the time-zone database (see {@link ZoneInfoFileSystem}) and GraalPy's own standard library. */
    private static FileSystem zoneInfoOnly() {
        return FileSystem.allowInternalResourceAccess(new ZoneInfoFileSystem(Path.of(ZONEINFO)));
    }

    @Override
    public synchronized List<CodeProblem> check(String code, String functionName, int arity) {
        if (checkContext == null) {
            OutputStream discard = OutputStream.nullOutputStream();
            checkContext = newContext(discard, discard);
            checkFunction = checkContext.getBindings("python").getMember("check");
        }
        Value problems = checkFunction.execute(code, functionName, arity);
        List<CodeProblem> out = new ArrayList<>();
        for (long i = 0; i < problems.getArraySize(); i++) {
            Value p = problems.getArrayElement(i);
            out.add(new CodeProblem(p.getArrayElement(0).asInt(), p.getArrayElement(1).asInt(), p.getArrayElement(2).asString()));
        }
        return out;
    }

    private static Source harnessSource() {
        try (InputStream in = GraalPyEngine.class.getResourceAsStream("graalpy_harness.py")) {
            if (in == null) {
                throw new IllegalStateException("graalpy_harness.py is missing from the runtime jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder("python", text, "<datapipelines-harness>").buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
