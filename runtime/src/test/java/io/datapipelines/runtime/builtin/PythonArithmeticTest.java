package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.Builtins.list;
import static io.datapipelines.runtime.builtin.Builtins.recordError;
import static io.datapipelines.runtime.builtin.PythonArithmetic.Operator.ADD;
import static io.datapipelines.runtime.builtin.PythonArithmetic.Operator.MODULO;
import static io.datapipelines.runtime.builtin.PythonArithmetic.Operator.MULTIPLY;
import static io.datapipelines.runtime.builtin.PythonArithmetic.Operator.SUBTRACT;
import static io.datapipelines.runtime.builtin.PythonArithmetic.Operator.TRUE_DIVIDE;
import static org.assertj.core.api.Assertions.assertThat;

import io.datapipelines.runtime.builtin.PythonArithmetic.Operator;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PythonArithmeticTest {

    static Stream<Arguments> results() {
        // Each expected value is what CPython 3.11 gives, with its type (int as Long, float as Double).
        return Stream.of(
                Arguments.of(ADD, 15L, 2022L, 2037L),
                Arguments.of(ADD, 15.0, 2022L, 2037.0),
                Arguments.of(ADD, true, true, 2L),
                Arguments.of(ADD, Long.MAX_VALUE, 1L, BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)),
                Arguments.of(ADD, BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), -1L, Long.MAX_VALUE),
                Arguments.of(ADD, "Data ", "Cater", "Data Cater"),
                Arguments.of(ADD, list(1L), list(2L), list(1L, 2L)),
                Arguments.of(SUBTRACT, 15L, 3.0, 12.0),
                Arguments.of(MULTIPLY, 5L, 3L, 15L),
                Arguments.of(MULTIPLY, "ab", 3L, "ababab"),
                Arguments.of(MULTIPLY, 2L, "ab", "abab"),
                Arguments.of(MULTIPLY, "ab", true, "ab"),
                Arguments.of(MULTIPLY, "ab", -1L, ""),
                Arguments.of(MULTIPLY, list(1L), 2L, list(1L, 1L)),
                Arguments.of(MULTIPLY, Long.MAX_VALUE, 2L, BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TWO)),
                Arguments.of(TRUE_DIVIDE, 15L, 3L, 5.0),
                Arguments.of(TRUE_DIVIDE, 1L, 3L, 1.0 / 3),
                Arguments.of(TRUE_DIVIDE, 6.3, 2L, 3.15),
                Arguments.of(TRUE_DIVIDE, BigInteger.TEN.pow(30), 3L, 3.333333333333333e29),
                Arguments.of(MODULO, -7L, 3L, 2L),
                Arguments.of(MODULO, 7L, -3L, -2L),
                Arguments.of(MODULO, 14L, 3L, 2L),
                Arguments.of(MODULO, 7.5, 2L, 1.5),
                Arguments.of(MODULO, -7.5, 2L, 0.5),
                Arguments.of(MODULO, 7.5, -2L, -0.5),
                Arguments.of(MODULO, 0.0, -2L, -0.0),
                Arguments.of(MODULO, 6.3, 2L, 0.2999999999999998),
                Arguments.of(MODULO, Long.MIN_VALUE, -1L, 0L),
                Arguments.of(MODULO, BigInteger.TEN.pow(20).negate(), 7L, 5L));
    }

    @ParameterizedTest(name = "{1} {0} {2} = {3}")
    @MethodSource("results")
    void computesAsPython(Operator op, Object a, Object b, Object expected) {
        assertThat(op.apply(a, b)).isEqualTo(expected);
    }

    @Test
    void raisesPythonsTypeErrors() {
        assertThat(recordError("TypeError", () -> ADD.apply(1L, "a"))).isEqualTo("unsupported operand type(s) for +: 'int' and 'str'");
        assertThat(recordError("TypeError", () -> ADD.apply("a", 1L))).isEqualTo("can only concatenate str (not \"int\") to str");
        assertThat(recordError("TypeError", () -> ADD.apply(null, "a"))).isEqualTo("unsupported operand type(s) for +: 'NoneType' and 'str'");
        assertThat(recordError("TypeError", () -> ADD.apply(list(1L), "a"))).isEqualTo("can only concatenate list (not \"str\") to list");
        assertThat(recordError("TypeError", () -> SUBTRACT.apply(1L, "a"))).isEqualTo("unsupported operand type(s) for -: 'int' and 'str'");
        assertThat(recordError("TypeError", () -> MULTIPLY.apply("a", 1.5))).isEqualTo("can't multiply sequence by non-int of type 'float'");
        assertThat(recordError("TypeError", () -> MULTIPLY.apply(null, "a"))).isEqualTo("can't multiply sequence by non-int of type 'NoneType'");
        assertThat(recordError("TypeError", () -> MULTIPLY.apply(null, 2L))).isEqualTo("unsupported operand type(s) for *: 'NoneType' and 'int'");
        assertThat(recordError("TypeError", () -> TRUE_DIVIDE.apply(1L, "a"))).isEqualTo("unsupported operand type(s) for /: 'int' and 'str'");
        assertThat(recordError("TypeError", () -> MODULO.apply(list(1L), 1L))).isEqualTo("unsupported operand type(s) for %: 'list' and 'int'");
        assertThat(recordError("TypeError", () -> MODULO.apply("%d", 1L))).startsWith("unsupported operand type(s) for %: 'str' and 'int'");
    }

    @Test
    void raisesPythonsZeroDivisionErrors() {
        assertThat(recordError("ZeroDivisionError", () -> TRUE_DIVIDE.apply(1L, 0L))).isEqualTo("division by zero");
        assertThat(recordError("ZeroDivisionError", () -> TRUE_DIVIDE.apply(true, false))).isEqualTo("division by zero");
        assertThat(recordError("ZeroDivisionError", () -> TRUE_DIVIDE.apply(1.0, 0L))).isEqualTo("float division by zero");
        assertThat(recordError("ZeroDivisionError", () -> MODULO.apply(1L, 0L))).isEqualTo("integer modulo by zero");
        assertThat(recordError("ZeroDivisionError", () -> MODULO.apply(1.0, 0L))).isEqualTo("float modulo");
        assertThat(recordError("ZeroDivisionError", () -> MODULO.apply(1L, 0.0))).isEqualTo("float modulo");
    }

    @Test
    void raisesOverflowErrorsWhereFloatsCannotHoldTheInt() {
        assertThat(recordError("OverflowError", () -> ADD.apply(BigInteger.TEN.pow(400), 1.0))).isEqualTo("int too large to convert to float");
        assertThat(recordError("OverflowError", () -> TRUE_DIVIDE.apply(BigInteger.TEN.pow(400), 3L)))
                .isEqualTo("integer division result too large for a float");
    }

    @Test
    void floatOverflowGivesInfinityAsInPython() {
        assertThat(MULTIPLY.apply(1e308, 10L)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void doesNotChangeItsOperands() {
        var a = list(1L);
        var b = list(2L);
        ADD.apply(a, b);
        MULTIPLY.apply(a, 3L);
        assertThat(a).containsExactly(1L);
        assertThat(b).containsExactly(2L);
    }
}
