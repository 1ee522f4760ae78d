package io.datapipelines.runtime.python;

import io.datapipelines.model.FunctionRef;
import io.datapipelines.model.Location;

/**
 * Where a line of a step's code stands in the definition, for messages:
 * {@code at pipeline.yaml:14, in spec.steps[1].transform}. The definition line is the code's first line
 * ({@link FunctionRef#codeLocation()}) plus the line within the code, less one.
 */
record CodePlace(FunctionRef ref) {

    String path() {
        return ref.path() == null ? "user code" : ref.path();
    }

    /** {@code " (at pipeline.yaml:14, in spec.steps[1].transform)"}; a line of 0 or less is not known. */
    String where(int codeLine) {
        return " (" + place(codeLine) + ")";
    }

    String place(int codeLine) {
        Location code = ref.codeLocation();
        StringBuilder where = new StringBuilder();
        if (codeLine > 0 && code != null && code.line() > 0) {
            where.append("at ").append(code.file()).append(':').append(code.line() + codeLine - 1).append(", ");
        } else if (codeLine > 0) {
            where.append("at line ").append(codeLine).append(" of the code, ");
        }
        return where.append("in ").append(path()).toString();
    }
}
