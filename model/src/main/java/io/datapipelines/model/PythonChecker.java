package io.datapipelines.model;

import java.util.List;

/**
 * Checks user Python code when a definition is validated: that it compiles, and that it defines the
 * function the step calls. The model itself has no Python; the runtime module provides the Jython
 * implementation through {@link java.util.ServiceLoader}, for the engine the definition chooses. Where none is on the class path (for example,
 * inside a Jenkins controller), code is checked later, on the agent.
 */
public interface PythonChecker {

    /**
     * @param code         the Python source
     * @param functionName the function the step will call ({@code filter} or {@code transform})
     * @return the problems found, empty when the code is fine
     */
    List<CodeProblem> check(String code, String functionName);

    /**
     * As {@link #check(String, String)}, also checking that the function takes {@code arity}
     * positional arguments (2 for field steps, 1 for record steps; -1 when unknown).
     */
    default List<CodeProblem> check(String code, String functionName, int arity) {
        return check(code, functionName);
    }

    /**
     * As {@link #check(String, String, int)}, compiling with the given engine's Python (GraalPy's Python 3
     * or Jython's Python 2). A checker that knows only one engine ignores it.
     */
    default List<CodeProblem> check(String code, String functionName, int arity, PythonEngineKind engine) {
        return check(code, functionName, arity);
    }

    /** A problem in code: 1-based line and column within the code itself. */
    record CodeProblem(int line, int column, String message) {
    }
}
