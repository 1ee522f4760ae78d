package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.PythonSemantics.isFloat;
import static io.datapipelines.runtime.builtin.PythonSemantics.isIntLike;

import io.datapipelines.runtime.builtin.PythonArithmetic.Operator;
import io.datapipelines.runtime.step.FieldTransform;
import io.datapipelines.runtime.step.RecordError;

/**
 * The transforms that apply one Python binary operator to the field's value and a second operand, in three
 * flavours that differ only in where the operand comes from and how it is read:
 * <ul>
 *   <li>{@link #withNumber}: add, subtract, multiply, divide, modulo. The config is converted to the field's
 *       numeric type first ({@code int(cfg)} for an int or bool, {@code float(cfg)} for a float).</li>
 *   <li>{@link #withConstant}: append and prepend-value. The config as it is, no conversion.</li>
 *   <li>{@link #withField}: add-field, subtract-field, multiply-field, divide-field, modulo-field, append-field and
 *       prepend-field. Another field of the row, with the raw operator (so str + str concatenates).</li>
 * </ul>
 */
final class OperatorTransforms {

    private static final FieldTransform UNCHANGED = (value, row) -> value;

    private OperatorTransforms() {
    }

    /**
     * {@code value <op> int(cfg)} or {@code value <op> float(cfg)}; unchanged when {@code value} is missing, null
     * or {@code ""}. Where the reference returns null for a field that is not a number (a string, None, a list),
     * this raises TypeError: nothing fails silently (definition-format.md, rule 5).
     */
    static FieldTransform withNumber(Operator op, Config config) {
        if (config.isBlank("value")) {
            return UNCHANGED;
        }
        NumericConstant operand = new NumericConstant(config.get("value"));
        return (value, row) -> {
            if (isFloat(value)) {
                return op.apply(value, operand.asFloat());
            }
            if (isIntLike(value)) {
                return op.apply(value, operand.asInt());
            }
            throw RecordError.typeError("unsupported operand type(s) for " + op.symbol() + ": '"
                    + PythonSemantics.typeName(value) + "' and '" + operand.typeName() + "'");
        };
    }

    /**
     * {@code value <op> cfg}, or {@code cfg <op> value} when {@code constantFirst}; unchanged only when the config
     * is missing or null ({@code ""} appends nothing).
     */
    static FieldTransform withConstant(Operator op, Config config, boolean constantFirst) {
        if (config.isAbsent("value")) {
            return UNCHANGED;
        }
        Object constant = config.get("value");
        return constantFirst ? (value, row) -> op.apply(constant, value) : (value, row) -> op.apply(value, constant);
    }

    /**
     * {@code value <op> row[fieldName]}, or {@code row[fieldName] <op> value} when {@code fieldFirst}; unchanged
     * when the field name is missing, null or {@code ""}; KeyError when the row has no such field.
     */
    static FieldTransform withField(Operator op, Config config, boolean fieldFirst) {
        if (config.isBlank("fieldName")) {
            return UNCHANGED;
        }
        String fieldName = config.string("fieldName");
        return (value, row) -> {
            Object other = ValueTransforms.field(row, fieldName);
            return fieldFirst ? op.apply(other, value) : op.apply(value, other);
        };
    }
}
