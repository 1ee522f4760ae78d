package io.datapipelines.runtime.python;

import java.util.List;

import io.datapipelines.model.PythonChecker;
import io.datapipelines.model.PythonEngineKind;

/**
 * The {@link PythonChecker} the model finds through {@link java.util.ServiceLoader}: compiles step code
 * with the engine the definition chooses ({@code spec.processing.python.engine}), never running it.
 * Engines start lazily, on the first check: finding the service stays cheap.
 */
public final class EnginePythonChecker implements PythonChecker {

    @Override
    public List<CodeProblem> check(String code, String functionName) {
        return check(code, functionName, -1, PythonEngineKind.GRAALPY);
    }

    @Override
    public List<CodeProblem> check(String code, String functionName, int arity) {
        return check(code, functionName, arity, PythonEngineKind.GRAALPY);
    }

    @Override
    public List<CodeProblem> check(String code, String functionName, int arity, PythonEngineKind engine) {
        return PythonEngines.of(engine).check(code, functionName, arity);
    }
}
