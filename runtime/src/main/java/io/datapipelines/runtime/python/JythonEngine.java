package io.datapipelines.runtime.python;

import io.datapipelines.model.PythonChecker.CodeProblem;
import io.datapipelines.model.PythonEngineKind;
import io.datapipelines.model.PythonSettings;

import java.util.List;

/**
 * Jython 2.7.4: Python 2 with Python 3's division, print, imports and unicode literals. No sandbox and
 * no time limit: the JVM offers neither for code that runs on the calling thread (docs/python.md).
 */
final class JythonEngine implements PythonEngine {
    static final JythonEngine INSTANCE = new JythonEngine();

    private final JythonPythonChecker checker = new JythonPythonChecker();

    private JythonEngine() {
    }

    @Override
    public PythonEngineKind kind() {
        return PythonEngineKind.JYTHON;
    }

    @Override
    public List<CodeProblem> check(String code, String functionName, int arity) {
        return checker.check(code, functionName, arity);
    }

    @Override
    public PythonTask newTask(PythonSettings settings) {
        return new JythonEnvironment();
    }
}
