package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.Builtins.list;
import static io.datapipelines.runtime.builtin.Builtins.map;
import static io.datapipelines.runtime.builtin.Builtins.recordError;
import static io.datapipelines.runtime.builtin.Builtins.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * add, subtract, multiply, divide, modulo (with a constant), their -field variants, append, append-field,
 * prepend-value and prepend-field: catalogue §3 and §4.2. Results are compared with their Python type: an int
 * result is a Long, a float result a Double.
 */
class OperatorTransformsTest {

    private static Map<String, Object> value(Object v) {
        return map("value", v);
    }

    private static Map<String, Object> field(String name) {
        return map("fieldName", name);
    }

    static Stream<Arguments> constantArithmetic() {
        return Stream.of(
                Arguments.of("add", 15L, 2022L, 2037L),
                Arguments.of("add", 15.0, 2022.0, 2037.0),
                Arguments.of("add", 15L, "2022", 2037L),
                Arguments.of("add", 15L, 2.5, 17L),
                Arguments.of("add", 15.0, "2.5", 17.5),
                Arguments.of("add", 15.0, " 1e3 ", 1015.0),
                Arguments.of("add", true, 1L, 2L),
                Arguments.of("add", BigInteger.TEN.pow(20), "1", new BigInteger("100000000000000000001")),
                Arguments.of("subtract", 15L, 3L, 12L),
                Arguments.of("subtract", 15L, "3", 12L),
                Arguments.of("subtract", 15.0, 3L, 12.0),
                Arguments.of("subtract", 15L, 3.0, 12L),
                Arguments.of("subtract", 15.3, 3.1, 12.200000000000001),
                Arguments.of("subtract", 15.3, "3.1", 12.200000000000001),
                Arguments.of("multiply", 5L, 3L, 15L),
                Arguments.of("multiply", 5L, "3", 15L),
                Arguments.of("multiply", 5L, 3.0, 15L),
                Arguments.of("multiply", 2.0, 3.2, 6.4),
                Arguments.of("multiply", 2.0, "3.2", 6.4),
                Arguments.of("multiply", 2.1, 3L, 6.300000000000001),
                Arguments.of("divide", 15L, 3L, 5.0),
                Arguments.of("divide", 15L, "3", 5.0),
                Arguments.of("divide", 15L, 3.0, 5.0),
                Arguments.of("divide", 6.3, 2.1, 3.0),
                Arguments.of("divide", 6.3, "2.1", 3.0),
                Arguments.of("divide", 6.3, 2L, 3.15),
                Arguments.of("modulo", 14L, 3L, 2L),
                Arguments.of("modulo", 14L, "3", 2L),
                Arguments.of("modulo", 14L, 3.0, 2L),
                Arguments.of("modulo", 6.3, 2L, 0.2999999999999998),
                Arguments.of("modulo", 6.3, "2", 0.2999999999999998),
                Arguments.of("modulo", -7L, 3L, 2L),
                Arguments.of("modulo", 7L, -3L, -2L),
                Arguments.of("modulo", 7.5, 2L, 1.5));
    }

    @ParameterizedTest(name = "{0}: {1} with {2} = {3}")
    @MethodSource("constantArithmetic")
    void arithmeticWithAConstantConvertsTheConfigToTheValuesType(String key, Object value, Object config, Object expected) {
        assertThat(transform(key, value(config), value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "subtract", "multiply", "divide", "modulo"})
    void arithmeticWithoutAConstantLeavesTheValue(String key) {
        assertThat(transform(key, map(), 15L)).isEqualTo(15L);
        assertThat(transform(key, value(null), 15L)).isEqualTo(15L);
        assertThat(transform(key, value(""), 15L)).isEqualTo(15L);
        assertThat(transform(key, map(), "not a number")).isEqualTo("not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "subtract", "multiply", "divide", "modulo"})
    void arithmeticOnANonNumberIsATypeErrorNotNull(String key) {
        // The reference returns null silently here; definition-format.md rule 5 makes it a record error.
        String symbol = Map.of("add", "+", "subtract", "-", "multiply", "*", "divide", "/", "modulo", "%").get(key);
        assertThat(recordError("TypeError", () -> transform(key, value("3"), "15")))
                .isEqualTo("unsupported operand type(s) for " + symbol + ": 'str' and 'int'");
        assertThat(recordError("TypeError", () -> transform(key, value(2.5), null)))
                .isEqualTo("unsupported operand type(s) for " + symbol + ": 'NoneType' and 'float'");
        assertThat(recordError("TypeError", () -> transform(key, value("2.5"), list(1L))))
                .isEqualTo("unsupported operand type(s) for " + symbol + ": 'list' and 'float'");
    }

    @Test
    void anIntValueNeedsAnIntegerConstant() {
        assertThat(recordError("ValueError", () -> transform("add", value("2.5"), 15L)))
                .isEqualTo("invalid literal for int() with base 10: '2.5'");
        recordError("ValueError", () -> transform("multiply", value("1.5"), 5L));
        // ...while a float value takes it: the same function serves both records.
        assertThat(transform("multiply", value("1.5"), 5.0)).isEqualTo(7.5);
    }

    @Test
    void aFractionalDivisorTruncatesToZeroForIntValues() {
        assertThat(recordError("ZeroDivisionError", () -> transform("divide", value(0.5), 15L))).isEqualTo("division by zero");
        assertThat(recordError("ZeroDivisionError", () -> transform("modulo", value(0.5), 15L))).isEqualTo("integer modulo by zero");
        assertThat(transform("divide", value(0.5), 15.0)).isEqualTo(30.0);
    }

    @Test
    void aZeroConstantIsRejectedBeforeAnyRecord() {
        assertThatThrownBy(() -> transform("divide", value("0"), 15L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> transform("modulo", value(0L), 15L)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> fieldArithmetic() {
        return Stream.of(
                Arguments.of("add-field", 15L, 2022L, 2037L),
                Arguments.of("add-field", 15.0, 2022L, 2037.0),
                Arguments.of("add-field", 15L, 2022.0, 2037.0),
                Arguments.of("add-field", "Data", "Cater", "DataCater"),
                Arguments.of("subtract-field", 15L, 3L, 12L),
                Arguments.of("subtract-field", 15.0, 3L, 12.0),
                Arguments.of("subtract-field", 15L, 3.0, 12.0),
                Arguments.of("multiply-field", 5L, 3L, 15L),
                Arguments.of("multiply-field", 5L, 3.0, 15.0),
                Arguments.of("multiply-field", 6.3, 2.5, 15.75),
                Arguments.of("multiply-field", 6.3, 2L, 12.6),
                Arguments.of("multiply-field", "ab", 3L, "ababab"),
                Arguments.of("divide-field", 15L, 3L, 5.0),
                Arguments.of("divide-field", 15L, 3.0, 5.0),
                Arguments.of("divide-field", 6.3, 2.1, 3.0),
                Arguments.of("divide-field", 6.3, 2L, 3.15),
                Arguments.of("modulo-field", 14L, 3L, 2L),
                Arguments.of("modulo-field", 14L, 3.0, 2.0),
                Arguments.of("modulo-field", 6.3, 2.0, 0.2999999999999998),
                Arguments.of("modulo-field", 6.3, 2L, 0.2999999999999998),
                Arguments.of("append-field", "Data streaming with ", "Python", "Data streaming with Python"),
                Arguments.of("append-field", "Data streaming", "", "Data streaming"),
                Arguments.of("append-field", list(1L), list(2L), list(1L, 2L)),
                Arguments.of("prepend-field", "data streaming", "Developer-friendly ", "Developer-friendly data streaming"),
                Arguments.of("prepend-field", "data streaming", "", "data streaming"));
    }

    @ParameterizedTest(name = "{0}: {1} with field {2} = {3}")
    @MethodSource("fieldArithmetic")
    void fieldVariantsApplyTheRawOperatorToTheOtherField(String key, Object value, Object other, Object expected) {
        assertThat(transform(key, field("other"), value, map("other", other))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"add-field", "subtract-field", "multiply-field", "divide-field", "modulo-field", "append-field", "prepend-field"})
    void fieldVariantsNeedTheOtherField(String key) {
        assertThat(recordError("KeyError", () -> transform(key, field("year"), 15L, map("other", 1L)))).isEqualTo("'year'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"add-field", "subtract-field", "multiply-field", "divide-field", "modulo-field", "append-field", "prepend-field"})
    void fieldVariantsWithoutAFieldNameLeaveTheValue(String key) {
        assertThat(transform(key, map(), 15L)).isEqualTo(15L);
        assertThat(transform(key, field(null), 15L)).isEqualTo(15L);
        assertThat(transform(key, field(""), 15L, map("", 1L))).isEqualTo(15L);
    }

    @Test
    void fieldVariantsRaiseTypeErrorsForMismatchedTypes() {
        assertThat(recordError("TypeError", () -> transform("add-field", field("year"), 15L, map("year", "2022"))))
                .isEqualTo("unsupported operand type(s) for +: 'int' and 'str'");
        assertThat(recordError("TypeError", () -> transform("subtract-field", field("year"), 15L, map("year", "3"))))
                .isEqualTo("unsupported operand type(s) for -: 'int' and 'str'");
        assertThat(recordError("TypeError", () -> transform("append-field", field("n"), "Data streaming with ", map("n", 15L))))
                .isEqualTo("can only concatenate str (not \"int\") to str");
        assertThat(recordError("TypeError", () -> transform("append-field", field("n"), null, map("n", "x"))))
                .isEqualTo("unsupported operand type(s) for +: 'NoneType' and 'str'");
        assertThat(recordError("TypeError", () -> transform("prepend-field", field("n"), "data streaming", map("n", 15L))))
                .isEqualTo("unsupported operand type(s) for +: 'int' and 'str'");
        recordError("TypeError", () -> transform("add-field", field("year"), null, map("year", 1L)));
        recordError("TypeError", () -> transform("multiply-field", field("f"), "ab", map("f", 1.5)));
        assertThat(recordError("ZeroDivisionError", () -> transform("divide-field", field("f"), 1L, map("f", 0L))))
                .isEqualTo("division by zero");
        recordError("ZeroDivisionError", () -> transform("modulo-field", field("f"), 1.0, map("f", 0.0)));
    }

    @Test
    void aFieldHoldingNullIsPresent() {
        recordError("TypeError", () -> transform("add-field", field("year"), 15L, map("year", null)));
    }

    @Test
    void appendAndPrependValueUseTheConstantAsItIs() {
        assertThat(transform("append", value("Python"), "Data streaming with ")).isEqualTo("Data streaming with Python");
        assertThat(transform("prepend-value", value("Developer-friendly "), "data streaming"))
                .isEqualTo("Developer-friendly data streaming");
        assertThat(transform("append", value(""), "Data")).isEqualTo("Data");
        assertThat(transform("prepend-value", value(""), "Data")).isEqualTo("Data");
        assertThat(transform("append", value(null), "Data")).isEqualTo("Data");
        assertThat(transform("append", map(), 15L)).isEqualTo(15L);
        assertThat(transform("prepend-value", map(), null)).isNull();
        assertThat(recordError("TypeError", () -> transform("append", value("x"), null)))
                .isEqualTo("unsupported operand type(s) for +: 'NoneType' and 'str'");
        assertThat(recordError("TypeError", () -> transform("prepend-value", value("x"), 15L)))
                .isEqualTo("can only concatenate str (not \"int\") to str");
    }

    @Test
    void aNumericAppendConstantIsRejectedBeforeAnyRecord() {
        // The reference raises TypeError for every record; the definition check rejects it instead.
        assertThatThrownBy(() -> transform("append", value(15L), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transform("prepend-value", value(15L), "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundedReferenceExamples() {
        assertThat((Double) transform("multiply", value(3L), 2.1)).isCloseTo(6.3, within(0.05));
        assertThat((Double) transform("multiply-field", field("f"), 6.3, map("f", 2.5))).isCloseTo(15.8, within(0.05));
        assertThat((Double) transform("modulo", value(2L), 6.3)).isCloseTo(0.3, within(0.05));
    }
}
