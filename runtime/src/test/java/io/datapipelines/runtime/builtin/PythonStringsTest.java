package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.Builtins.recordError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonStringsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "straße|STRASSE", "data streaming|DATA STREAMING", "ﬁsh|FISH", "ŉ|ʼN", "ǆ|Ǆ", "ᾳ|ΑΙ"})
    void upperUsesFullCaseMappings(String text, String expected) {
        assertThat(PythonStrings.upper(text)).isEqualTo(expected);
    }

    @Test
    void upperDecomposesWhereUnicodeHasNoPrecomposedCapital() {
        assertThat(PythonStrings.upper("\u0390")).isEqualTo("\u0399\u0308\u0301");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Data Streaming|data streaming", "ΣΑΣ|σας", "ΟΔΟΣ ΟΔΟΣ|οδος οδος", "İ|i̇", "ǅ|ǆ"})
    void lowerUsesFullMappingsAndFinalSigma(String text, String expected) {
        assertThat(PythonStrings.lower(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "data streaming|Data streaming", "hELLO wORLD|Hello world", "ßa|Ssa", "ﬁSH|Fish", "ŉA|ʼNa", "ǆA|ǅa",
            "ᾳX|ᾼx", "ᾲ|Ὰͅ", "AΣ|Aς", "ΣΑΣ|Σας", "1ABC|1abc", "éTÉ|Été"})
    void capitalizeTitlesTheFirstCharacterAndLowersTheRest(String text, String expected) {
        assertThat(PythonStrings.capitalize(text)).isEqualTo(expected);
    }

    @Test
    void capitalizeOfEmptyIsEmpty() {
        assertThat(PythonStrings.capitalize("")).isEmpty();
    }

    @Test
    void splitOnASeparatorKeepsEmptyPieces() {
        assertThat(PythonStrings.split("a  b c", " ")).containsExactly("a", "", "b", "c");
        assertThat(PythonStrings.split("", " ")).containsExactly("");
        assertThat(PythonStrings.split("developer-friendly ETL", "-")).containsExactly("developer", "friendly ETL");
        assertThat(PythonStrings.split("a--b", "--")).containsExactly("a", "b");
        assertThat(PythonStrings.split("-a-", "-")).containsExactly("", "a", "");
        assertThat(recordError("ValueError", () -> PythonStrings.split("abc", ""))).isEqualTo("empty separator");
    }

    @Test
    void splitWithoutSeparatorCollapsesWhitespace() {
        assertThat(PythonStrings.split("  a \t\n b\u00a0c  ")).containsExactly("a", "b", "c");
        assertThat(PythonStrings.split("")).isEmpty();
        assertThat(PythonStrings.split(" \t ")).isEmpty();
        assertThat(PythonStrings.split("a\u200bb")).containsExactly("a\u200bb");
    }

    @Test
    void stripRemovesPythonWhitespace() {
        assertThat(PythonStrings.strip("\u1680a\u2000")).isEqualTo("a");
        assertThat(PythonStrings.strip("\u001c a \u0085")).isEqualTo("a");
    }

    @Test
    void headCountsCodePoints() {
        assertThat(PythonStrings.head("😀😀😀", 2)).isEqualTo("😀😀");
        assertThat(PythonStrings.head("abc", 0)).isEmpty();
        assertThat(PythonStrings.head("abc", 1000)).isEqualTo("abc");
    }
}
