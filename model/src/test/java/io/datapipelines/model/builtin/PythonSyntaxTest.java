package io.datapipelines.model.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PythonSyntaxTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "15|15", "' 15 '|15", "-15|-15", "+7|7", "1_000|1000", "007|7", "'\t42\n'|42",
            "١٢|12", "123456789012345678901234567890|123456789012345678901234567890"})
    void parsesIntegersLikePythonInt(String text, String expected) {
        assertThat(PythonSyntax.parseInt(text)).contains(new BigInteger(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"15.5", "1e3", "abc", "", " ", "1__0", "_1", "1_", "+_1", "0x10", "1 2", "\u001c15", "inf"})
    void rejectsWhatPythonIntRejects(String text) {
        assertThat(PythonSyntax.parseInt(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "15|15.0", "' 1.5 '|1.5", "1e3|1000.0", "1E-2|0.01", "1.|1.0", ".5|0.5", "1_0.5|10.5", "-2.5|-2.5",
            "1e400|Infinity", "١.٥|1.5", "'\u00a01.5'|1.5"})
    void parsesFloatsLikePythonFloat(String text, double expected) {
        assertThat(PythonSyntax.parseFloat(text)).hasValue(expected);
    }

    @Test
    void parsesPythonsSpecialFloatNames() {
        assertThat(PythonSyntax.parseFloat(" inf ")).hasValue(Double.POSITIVE_INFINITY);
        assertThat(PythonSyntax.parseFloat("-iNF")).hasValue(Double.NEGATIVE_INFINITY);
        assertThat(PythonSyntax.parseFloat("Infinity")).hasValue(Double.POSITIVE_INFINITY);
        assertThat(PythonSyntax.parseFloat("nan").getAsDouble()).isNaN();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1e", "", "0x1p3", "1.5f", "1d", "1__0.5", "e5", ".", "infinit", "1.5.2"})
    void rejectsWhatPythonFloatRejects(String text) {
        assertThat(PythonSyntax.parseFloat(text)).isEmpty();
    }

    @Test
    void whitespaceIsPythonsIsspaceSet() {
        int[] pythonWhitespace = {0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
                0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
                0x2029, 0x202f, 0x205f, 0x3000};
        java.util.Set<Integer> expected = new java.util.HashSet<>();
        for (int cp : pythonWhitespace) {
            expected.add(cp);
        }
        for (int cp = 0; cp <= 0x3000; cp++) {
            assertThat(PythonSyntax.isWhitespace(cp)).as("U+%04X", cp).isEqualTo(expected.contains(cp));
        }
    }

    @Test
    void stripsPythonWhitespaceOnly() {
        assertThat(PythonSyntax.strip("\t DataCater \u00a0\u3000\n")).isEqualTo("DataCater");
        assertThat(PythonSyntax.strip("\u200bx\u200b")).isEqualTo("\u200bx\u200b");
        assertThat(PythonSyntax.strip("\t \t")).isEmpty();
    }
}
