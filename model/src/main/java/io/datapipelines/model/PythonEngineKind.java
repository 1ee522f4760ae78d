package io.datapipelines.model;

/** Which Python engine runs a pipeline's Python steps ({@code spec.processing.python.engine}). */
public enum PythonEngineKind {
    /** GraalPy: Python 3, sandboxed, interruptible. The default. */
    GRAALPY("graalpy"),
    /** Jython 2.7: Python 2 semantics, kept for existing pipelines. */
    JYTHON("jython");

    private final String yamlName;

    PythonEngineKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
