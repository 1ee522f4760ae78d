package io.datapipelines.runtime.python;

import io.datapipelines.model.PythonChecker.CodeProblem;
import io.datapipelines.model.PythonEngineKind;
import io.datapipelines.model.PythonSettings;

import java.util.List;

/**
 * A Python implementation the runtime can run steps with. One instance per kind and process
 * ({@link PythonEngines}); everything Python-specific (compiling, value conversion, error mapping, the
 * sandbox, the time limit) sits behind it, so the rest of the runtime never knows which engine runs.
 * Implementations are interchangeable: the same definition gives the same records with either, except
 * where the Python language versions differ (docs/python.md).
 */
public interface PythonEngine {

    PythonEngineKind kind();

    /**
     * Compiles the code without running any of it: syntax, the function the step calls and its arity,
     * and (where the engine can tell) imports that cannot be resolved.
     *
     * @param arity 2 for field functions, 1 for record functions, -1 when unknown
     * @return problems with 1-based line and column within the code; empty when the code is fine
     */
    List<CodeProblem> check(String code, String functionName, int arity);

    /**
     * A new instance for one Kafka Streams task (or one test run): its own interpreter state, in which
     * the task's steps are loaded. Closed with the task.
     */
    PythonTask newTask(PythonSettings settings);
}
