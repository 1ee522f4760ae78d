package io.datapipelines.runtime.python;

import io.datapipelines.model.PythonEngineKind;
import io.datapipelines.model.PythonSettings;

/**
 * The process's Python engines, one per kind, each made on first use: a pipeline without Python
 * steps starts neither, and a GraalPy pipeline never starts Jython (nor the reverse).
 */
public final class PythonEngines {
    private PythonEngines() {
    }

    public static PythonEngine of(PythonEngineKind kind) {
        return switch (kind) {
            case GRAALPY -> GraalPyEngine.INSTANCE;
            case JYTHON -> JythonEngine.INSTANCE;
        };
    }

    /** GraalPy's one shared Truffle engine (made now if it was not yet), for the start-up report of its runtime. */
    public static org.graalvm.polyglot.Engine graalPyTruffleEngine() {
        return GraalPyEngine.INSTANCE.engine();
    }

    /** A new task instance of the engine the settings name. */
    public static PythonTask newTask(PythonSettings settings) {
        return of(settings.engine()).newTask(settings);
    }
}
