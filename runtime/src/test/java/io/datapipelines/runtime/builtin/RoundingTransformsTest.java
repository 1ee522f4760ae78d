package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.Builtins.list;
import static io.datapipelines.runtime.builtin.Builtins.map;
import static io.datapipelines.runtime.builtin.Builtins.recordError;
import static io.datapipelines.runtime.builtin.Builtins.transform;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** round, ceil, floor: catalogue §3 and §4.2. */
class RoundingTransformsTest {

    @Test
    void roundExamplesFromTheReferenceTests() {
        assertThat(transform("round", map("precision", 1L), 8L)).isEqualTo(8L);
        assertThat(transform("round", map("precision", 1L), 8.14)).isEqualTo(8.1);
        assertThat(transform("round", map("precision", 1L), 8.16)).isEqualTo(8.2);
        assertThat(transform("round", map("precision", 3L), 8.13472)).isEqualTo(8.135);
        assertThat(transform("round", map("precision", "3"), 8.13472)).isEqualTo(8.135);
        assertThat(transform("round", map("precision", null), 8.14)).isEqualTo(8.14);
        assertThat(transform("round", map(), 8.14)).isEqualTo(8.14);
        assertThat(transform("round", map("precision", ""), 8.14)).isEqualTo(8.14);
    }

    @ParameterizedTest(name = "round({0}, {1}) = {2}")
    @CsvSource({
            "2.675, 2, 2.67", "2.5, 0, 2.0", "3.5, 0, 4.0", "0.125, 2, 0.12", "0.375, 2, 0.38", "-2.5, 0, -2.0",
            "1.0000000000000002, 15, 1.0", "12345.6789, -2, 12300.0", "1e300, -299, 1e300", "1.5, 400, 1.5", "123.0, -400, 0.0"})
    void roundsFloatsHalfToEvenOnTheirBinaryValue(double value, long precision, double expected) {
        assertThat(transform("round", map("precision", precision), value)).isEqualTo(expected);
    }

    @Test
    void roundKeepsTheSignOfZeroAndNonFiniteFloats() {
        assertThat(transform("round", map("precision", 0L), -0.4)).isEqualTo(-0.0);
        assertThat(transform("round", map("precision", 2L), Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat((Double) transform("round", map("precision", 2L), Double.NaN)).isNaN();
    }

    @ParameterizedTest(name = "round({0}, {1}) = {2}")
    @CsvSource({"1234, -2, 1200", "1250, -2, 1200", "1350, -2, 1400", "-1250, -2, -1200", "-1350, -2, -1400",
            "1234, -5, 0", "8, 0, 8", "8, 3, 8"})
    void roundsIntsToTensHalfToEven(long value, long precision, long expected) {
        assertThat(transform("round", map("precision", precision), value)).isEqualTo(expected);
    }

    @Test
    void roundTruncatesAFloatPrecisionAndGivesIntsForBools() {
        assertThat(transform("round", map("precision", 1.5), 8.16)).isEqualTo(8.2);
        assertThat(transform("round", map("precision", 1L), true)).isEqualTo(1L);
        assertThat(transform("round", map("precision", -1L), BigInteger.TEN.pow(20).add(BigInteger.valueOf(5))))
                .isEqualTo(BigInteger.TEN.pow(20));
    }

    @Test
    void roundNeedsANumber() {
        assertThat(recordError("TypeError", () -> transform("round", map("precision", 1L), null)))
                .isEqualTo("type NoneType doesn't define __round__ method");
        assertThat(recordError("TypeError", () -> transform("round", map("precision", 1L), "8.14")))
                .isEqualTo("type str doesn't define __round__ method");
    }

    @Test
    void roundOverflowIsAnError() {
        assertThat(recordError("OverflowError", () -> transform("round", map("precision", -308L), 1.7976931348623157e308)))
                .isEqualTo("rounded value too large to represent");
    }

    @Test
    void ceilExamples() {
        assertThat(transform("ceil", map(), 15L)).isEqualTo(15L);
        assertThat(transform("ceil", map(), 15.13)).isEqualTo(16L);
        assertThat(transform("ceil", map(), 15.83)).isEqualTo(16L);
        assertThat(transform("ceil", map(), -1.5)).isEqualTo(-1L);
        assertThat(transform("ceil", map(), true)).isEqualTo(1L);
        assertThat(transform("ceil", map(), 1e20)).isEqualTo(new BigInteger("100000000000000000000"));
    }

    @Test
    void floorExamples() {
        assertThat(transform("floor", map(), 15L)).isEqualTo(15L);
        assertThat(transform("floor", map(), 15.13)).isEqualTo(15L);
        assertThat(transform("floor", map(), 15.83)).isEqualTo(15L);
        assertThat(transform("floor", map(), -1.5)).isEqualTo(-2L);
        assertThat(transform("floor", map(), false)).isEqualTo(0L);
    }

    @Test
    void ceilAndFloorNeedAFiniteNumber() {
        assertThat(recordError("TypeError", () -> transform("ceil", map(), null))).isEqualTo("must be real number, not NoneType");
        assertThat(recordError("TypeError", () -> transform("floor", map(), "15.3"))).isEqualTo("must be real number, not str");
        recordError("TypeError", () -> transform("floor", map(), list()));
        assertThat(recordError("OverflowError", () -> transform("ceil", map(), Double.POSITIVE_INFINITY)))
                .isEqualTo("cannot convert float infinity to integer");
        assertThat(recordError("ValueError", () -> transform("floor", map(), Double.NaN)))
                .isEqualTo("cannot convert float NaN to integer");
    }
}
