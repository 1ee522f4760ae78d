package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.Builtins.list;
import static io.datapipelines.runtime.builtin.Builtins.map;
import static io.datapipelines.runtime.builtin.Builtins.recordError;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonSemanticsTest {

    private static final BigInteger TWO_POW_53_PLUS_1 = BigInteger.TWO.pow(53).add(BigInteger.ONE);

    @Test
    void namesTypesAsPythonDoes() {
        assertThat(PythonSemantics.typeName(null)).isEqualTo("NoneType");
        assertThat(PythonSemantics.typeName(true)).isEqualTo("bool");
        assertThat(PythonSemantics.typeName(1L)).isEqualTo("int");
        assertThat(PythonSemantics.typeName(BigInteger.TEN.pow(30))).isEqualTo("int");
        assertThat(PythonSemantics.typeName(1.5)).isEqualTo("float");
        assertThat(PythonSemantics.typeName("x")).isEqualTo("str");
        assertThat(PythonSemantics.typeName(List.of())).isEqualTo("list");
        assertThat(PythonSemantics.typeName(Map.of())).isEqualTo("dict");
    }

    @Test
    void truthinessFollowsPython() {
        for (Object falsy : new Object[] {null, false, 0L, BigInteger.ZERO, 0.0, -0.0, "", List.of(), Map.of()}) {
            assertThat(PythonSemantics.isTruthy(falsy)).as("%s", falsy).isFalse();
        }
        for (Object truthy : new Object[] {true, 1L, -1L, BigInteger.TEN.pow(20), 0.1, Double.NaN, " ", "False", List.of(0L), map("a", null)}) {
            assertThat(PythonSemantics.isTruthy(truthy)).as("%s", truthy).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "15.0|15.0", "15.13|15.13", "0.1|0.1", "1e16|1e+16", "1e15|1000000000000000.0", "1.5e-7|1.5e-07",
            "1e-5|1e-05", "0.0001|0.0001", "1e22|1e+22", "5e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308",
            "123456789012345680.0|1.2345678901234568e+17", "123456789.123|123456789.123", "-2.5|-2.5", "100.0|100.0",
            "2037.0|2037.0", "0.30000000000000004|0.30000000000000004", "-0.0|-0.0", "Infinity|inf", "-Infinity|-inf", "NaN|nan"})
    void writesFloatsAsPythonRepr(double value, String repr) {
        assertThat(PythonSemantics.floatRepr(value)).isEqualTo(repr);
        assertThat(PythonSemantics.str(value)).isEqualTo(repr);
    }

    @Test
    void writesFloatSumsAsPythonDoes() {
        assertThat(PythonSemantics.str(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PythonSemantics.str(6.3 % 2)).isEqualTo("0.2999999999999998");
    }

    @Test
    void strAndReprOfScalars() {
        assertThat(PythonSemantics.str(null)).isEqualTo("None");
        assertThat(PythonSemantics.str(true)).isEqualTo("True");
        assertThat(PythonSemantics.str(false)).isEqualTo("False");
        assertThat(PythonSemantics.str(15L)).isEqualTo("15");
        assertThat(PythonSemantics.str(new BigInteger("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
        assertThat(PythonSemantics.str("it's")).isEqualTo("it's");
        assertThat(PythonSemantics.repr("it's")).isEqualTo("\"it's\"");
        assertThat(PythonSemantics.repr("a\"b'c")).isEqualTo("'a\"b\\'c'");
        assertThat(PythonSemantics.repr("back\\slash")).isEqualTo("'back\\\\slash'");
    }

    @Test
    void reprEscapesNonPrintablesAsPython() {
        // Python: repr('\x00\t\n\u200b\u00e9\U0001F600\ud800\x7f\xa0') == "'\\x00\\t\\n\\u200bé😀\\ud800\\x7f\\xa0'"
        assertThat(PythonSemantics.repr("\u0000\t\n\u200b\u00e9\uD83D\uDE00\uD800\u007f\u00a0"))
                .isEqualTo("'\\x00\\t\\n\\u200bé😀\\ud800\\x7f\\xa0'");
        assertThat(PythonSemantics.repr("\r\u2028\uE000")).isEqualTo("'\\r\\u2028\\ue000'");
    }

    @Test
    void strOfContainersUsesPythonReprs() {
        assertThat(PythonSemantics.str(map("a", 1L))).isEqualTo("{'a': 1}");
        assertThat(PythonSemantics.str(list(1L, 2L))).isEqualTo("[1, 2]");
        assertThat(PythonSemantics.str(map("a", list(1L, "x", null, true, 1.5), "b", map())))
                .isEqualTo("{'a': [1, 'x', None, True, 1.5], 'b': {}}");
        assertThat(PythonSemantics.str(list())).isEqualTo("[]");
    }

    @Test
    void intConvertsLikePythonInt() {
        assertThat(PythonSemantics.toInt(" 15 ")).isEqualTo(15L);
        assertThat(PythonSemantics.toInt("1_000")).isEqualTo(1000L);
        assertThat(PythonSemantics.toInt("-15")).isEqualTo(-15L);
        assertThat(PythonSemantics.toInt(15.9)).isEqualTo(15L);
        assertThat(PythonSemantics.toInt(-15.9)).isEqualTo(-15L);
        assertThat(PythonSemantics.toInt(true)).isEqualTo(1L);
        assertThat(PythonSemantics.toInt(false)).isEqualTo(0L);
        assertThat(PythonSemantics.toInt(1e20)).isEqualTo(new BigInteger("100000000000000000000"));
        assertThat(PythonSemantics.toInt("99999999999999999999")).isEqualTo(new BigInteger("99999999999999999999"));
        assertThat(recordError("ValueError", () -> PythonSemantics.toInt("15.5")))
                .isEqualTo("invalid literal for int() with base 10: '15.5'");
        assertThat(recordError("TypeError", () -> PythonSemantics.toInt(null)))
                .isEqualTo("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
        assertThat(recordError("TypeError", () -> PythonSemantics.toInt(list(1L)))).endsWith("not 'list'");
        assertThat(recordError("ValueError", () -> PythonSemantics.toInt(Double.NaN))).isEqualTo("cannot convert float NaN to integer");
        assertThat(recordError("OverflowError", () -> PythonSemantics.toInt(Double.POSITIVE_INFINITY)))
                .isEqualTo("cannot convert float infinity to integer");
    }

    @Test
    void floatConvertsLikePythonFloat() {
        assertThat(PythonSemantics.toFloat("1e3")).isEqualTo(1000.0);
        assertThat(PythonSemantics.toFloat(" 1.5 ")).isEqualTo(1.5);
        assertThat(PythonSemantics.toFloat("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PythonSemantics.toFloat("nan")).isNaN();
        assertThat(PythonSemantics.toFloat(15L)).isEqualTo(15.0);
        assertThat(PythonSemantics.toFloat(true)).isEqualTo(1.0);
        assertThat(recordError("ValueError", () -> PythonSemantics.toFloat("abc"))).isEqualTo("could not convert string to float: 'abc'");
        assertThat(recordError("TypeError", () -> PythonSemantics.toFloat(null)))
                .isEqualTo("float() argument must be a string or a real number, not 'NoneType'");
        assertThat(recordError("OverflowError", () -> PythonSemantics.toFloat(BigInteger.TEN.pow(400))))
                .isEqualTo("int too large to convert to float");
    }

    @Test
    void equalityComparesNumbersExactlyAcrossTypes() {
        assertThat(PythonSemantics.pyEquals(42L, 42.0)).isTrue();
        assertThat(PythonSemantics.pyEquals(true, 1L)).isTrue();
        assertThat(PythonSemantics.pyEquals(1.0, true)).isTrue();
        assertThat(PythonSemantics.pyEquals(BigInteger.valueOf(42), 42L)).isTrue();
        assertThat(PythonSemantics.pyEquals(TWO_POW_53_PLUS_1, Math.pow(2, 53))).isFalse();
        assertThat(PythonSemantics.pyEquals(Double.NaN, Double.NaN)).isFalse();
        assertThat(PythonSemantics.pyEquals("42", 42L)).isFalse();
        assertThat(PythonSemantics.pyEquals(null, null)).isTrue();
        assertThat(PythonSemantics.pyEquals(null, "")).isFalse();
        assertThat(PythonSemantics.pyEquals(list(1L, "a"), list(1.0, "a"))).isTrue();
        assertThat(PythonSemantics.pyEquals(list(1L), list(1L, 2L))).isFalse();
        assertThat(PythonSemantics.pyEquals(map("a", 1L, "b", 2L), map("b", 2.0, "a", 1L))).isTrue();
        assertThat(PythonSemantics.pyEquals(map("a", 1L), map("a", 2L))).isFalse();
        assertThat(PythonSemantics.pyEquals(list(), map())).isFalse();
    }

    @Test
    void orderingFollowsPython() {
        assertThat(PythonSemantics.greaterThan(5L, 4.0)).isTrue();
        assertThat(PythonSemantics.greaterThan(TWO_POW_53_PLUS_1, Math.pow(2, 53))).isTrue();
        assertThat(PythonSemantics.lessThan(Math.pow(2, 53), TWO_POW_53_PLUS_1)).isTrue();
        assertThat(PythonSemantics.greaterThan(true, 0L)).isTrue();
        assertThat(PythonSemantics.greaterThan(1L, Double.NaN)).isFalse();
        assertThat(PythonSemantics.lessThan(1L, Double.NaN)).isFalse();
        assertThat(PythonSemantics.lessThan(1L, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(PythonSemantics.greaterThan("Python", "Php")).isTrue();
        assertThat(PythonSemantics.lessThan("B", "a")).isTrue();
        assertThat(PythonSemantics.lessThan("10", "9")).isTrue();
        // By code point: U+FFFD sorts before U+1F600, although its UTF-16 unit is larger than a surrogate.
        assertThat(PythonSemantics.lessThan("\uFFFD", "\uD83D\uDE00")).isTrue();
        assertThat(PythonSemantics.lessThan(list(1L, 2L), list(1L, 3L))).isTrue();
        assertThat(PythonSemantics.lessThan(list(1L), list(1L, 0L))).isTrue();
        assertThat(PythonSemantics.greaterThan(list(), list())).isFalse();
        assertThat(recordError("TypeError", () -> PythonSemantics.greaterThan("5", 4L)))
                .isEqualTo("'>' not supported between instances of 'str' and 'int'");
        assertThat(recordError("TypeError", () -> PythonSemantics.lessThan(null, 1L)))
                .isEqualTo("'<' not supported between instances of 'NoneType' and 'int'");
        assertThat(recordError("TypeError", () -> PythonSemantics.lessThan(list(1L, "a"), list(1L, 2L))))
                .isEqualTo("'<' not supported between instances of 'str' and 'int'");
        recordError("TypeError", () -> PythonSemantics.greaterThan(map(), map()));
    }

    @Test
    void membershipFollowsPythonIn() {
        assertThat(PythonSemantics.contains("DataCater", "Cat")).isTrue();
        assertThat(PythonSemantics.contains("DataCater", "cat")).isFalse();
        assertThat(PythonSemantics.contains("DataCater", "")).isTrue();
        assertThat(PythonSemantics.contains(list(1L, "a"), 1.0)).isTrue();
        assertThat(PythonSemantics.contains(list(1L, "a"), "b")).isFalse();
        assertThat(PythonSemantics.contains(map("a", 1L), "a")).isTrue();
        assertThat(PythonSemantics.contains(map("a", 1L), 1L)).isFalse();
        assertThat(recordError("TypeError", () -> PythonSemantics.contains("abc", 1L)))
                .isEqualTo("'in <string>' requires string as left operand, not int");
        assertThat(recordError("TypeError", () -> PythonSemantics.contains(null, "x")))
                .isEqualTo("argument of type 'NoneType' is not iterable");
        assertThat(recordError("TypeError", () -> PythonSemantics.contains(15L, "x")))
                .isEqualTo("argument of type 'int' is not iterable");
        assertThat(recordError("TypeError", () -> PythonSemantics.contains(map(), list())))
                .isEqualTo("unhashable type: 'list'");
    }
}
