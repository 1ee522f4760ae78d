package io.datapipelines.runtime.builtin;

import io.datapipelines.runtime.step.FieldTransform;

/**
 * cast-data-type: Python's {@code int()} for int/long, {@code float()} for float/double, DataCater's truthy
 * words for boolean (never an error), and {@code str()} for string, which is also the default.
 */
final class CastTransform {

    private CastTransform() {
    }

    static FieldTransform castDataType(Config config) {
        String type = config.isAbsent("toDataType") ? "string" : config.string("toDataType");
        return switch (type) {
            case "int", "long" -> (value, row) -> PythonSemantics.toInt(value);
            case "float", "double" -> (value, row) -> PythonSemantics.toFloat(value);
            case "boolean" -> (value, row) -> TruthyWords.isTrue(value);
            case "string" -> (value, row) -> PythonSemantics.str(value);
            default -> throw new IllegalArgumentException("unknown data type " + type);
        };
    }
}
