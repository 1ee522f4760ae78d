package io.datapipelines.model.builtin;

/** The kind of step a built-in belongs in: {@code kind: Field} or {@code kind: Record}. */
public enum StepKind {
    FIELD("Field"),
    RECORD("Record");

    private final String yamlName;

    StepKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
