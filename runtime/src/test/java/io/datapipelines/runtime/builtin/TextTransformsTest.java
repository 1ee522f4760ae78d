package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.Builtins.list;
import static io.datapipelines.runtime.builtin.Builtins.map;
import static io.datapipelines.runtime.builtin.Builtins.recordError;
import static io.datapipelines.runtime.builtin.Builtins.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** lowercase, uppercase, capitalize, trim, remove-punctuation, hash: catalogue §3, §3.1 and §4.2. */
class TextTransformsTest {

    @Test
    void caseExamplesFromTheReferenceTests() {
        assertThat(transform("lowercase", map(), "Data Streaming")).isEqualTo("data streaming");
        assertThat(transform("lowercase", map(), "data streaming")).isEqualTo("data streaming");
        assertThat(transform("lowercase", map(), "")).isEqualTo("");
        assertThat(transform("uppercase", map(), "data streaming")).isEqualTo("DATA STREAMING");
        assertThat(transform("uppercase", map(), "DATA STREAMING")).isEqualTo("DATA STREAMING");
        assertThat(transform("uppercase", map(), "")).isEqualTo("");
        assertThat(transform("capitalize", map(), "data streaming")).isEqualTo("Data streaming");
        assertThat(transform("capitalize", map(), "")).isEqualTo("");
    }

    @Test
    void caseMappingIsFullUnicode() {
        assertThat(transform("uppercase", map(), "straße")).isEqualTo("STRASSE");
        assertThat(transform("lowercase", map(), "ΟΔΟΣ")).isEqualTo("οδος");
        assertThat(transform("capitalize", map(), "hELLO wORLD")).isEqualTo("Hello world");
        assertThat(transform("capitalize", map(), "ßtraße")).isEqualTo("Sstraße");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"lowercase|lower", "uppercase|upper", "capitalize|capitalize", "trim|strip"})
    void caseAndTrimNeedAString(String key, String method) {
        assertThat(recordError("AttributeError", () -> transform(key, map(), null)))
                .isEqualTo("'NoneType' object has no attribute '" + method + "'");
        assertThat(recordError("AttributeError", () -> transform(key, map(), 15L)))
                .isEqualTo("'int' object has no attribute '" + method + "'");
    }

    @Test
    void trimExamplesFromTheReferenceTests() {
        assertThat(transform("trim", map(), "  DataCater is great  ")).isEqualTo("DataCater is great");
        assertThat(transform("trim", map(), "DataCater is great\t\t")).isEqualTo("DataCater is great");
        assertThat(transform("trim", map(), "")).isEqualTo("");
        assertThat(transform("trim", map(), "\t \t")).isEqualTo("");
        assertThat(transform("trim", map(), " DataCater GmbH     ")).isEqualTo("DataCater GmbH");
        assertThat(transform("trim", map(), "\u00a0\n x \u3000")).isEqualTo("x");
    }

    @Test
    void removePunctuationExample() {
        assertThat(transform("remove-punctuation", map(), "Is DataCater in motion? Yes!")).isEqualTo("Is DataCater in motion Yes");
    }

    @Test
    void removePunctuationRemovesExactlyTheReferenceSet() {
        String removed = "!\"'#$%&()*+,-./:;<=>?@[\\]^_|}~";
        assertThat(transform("remove-punctuation", map(), "a" + removed + "b")).isEqualTo("ab");
        // Backtick and '{' go only as a pair; a literal backslash-t / backslash-n goes as a unit.
        assertThat(transform("remove-punctuation", map(), "`a{b`{c")).isEqualTo("`a{bc");
        assertThat(transform("remove-punctuation", map(), "a\\tb\\nc")).isEqualTo("abc");
        assertThat(transform("remove-punctuation", map(), "a\\xb")).isEqualTo("axb");
        // Real whitespace and non-ASCII punctuation stay.
        assertThat(transform("remove-punctuation", map(), "a\tb\nc «d» — e’s …")).isEqualTo("a\tb\nc «d» — e’s …");
    }

    @Test
    void removePunctuationNeedsAString() {
        assertThat(recordError("TypeError", () -> transform("remove-punctuation", map(), null)))
                .isEqualTo("expected string or bytes-like object, got 'NoneType'");
        recordError("TypeError", () -> transform("remove-punctuation", map(), 15L));
    }

    @Test
    void hashExamplesFromTheReferenceTests() {
        assertThat(transform("hash", map("algorithm", "sha512"), "DataCater")).isEqualTo(
                "afb101dce1d65163c78055d3dd4ca66c2d9f3e1652d882fd148d00ccee6dcef237f7aed283de02fbc7a5d987a7e0e12ce95f63ef22b35a8581b0db353217e7b8");
        assertThat(transform("hash", map("algorithm", "sha256"), "DataCater"))
                .isEqualTo("6dd17874fb591797c9b30e92f8e6fe54f8370b2c11024d19bb0f41a6a55f45e8");
        assertThat(transform("hash", map("algorithm", "sha1"), "DataCater")).isEqualTo("f86845bbe3ae32471f4345dc189295ea962bc178");
        assertThat(transform("hash", map(), "DataCater")).isEqualTo("f86845bbe3ae32471f4345dc189295ea962bc178");
        assertThat(transform("hash", map("algorithm", null), "DataCater")).isEqualTo("f86845bbe3ae32471f4345dc189295ea962bc178");
        assertThat(transform("hash", map(), "")).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    }

    @Test
    void hashEncodesUtf8() {
        assertThat(transform("hash", map("algorithm", "sha256"), "straße😀"))
                .isEqualTo("3c4644aa5117c97bfe964f0e75f0f112ae210090878b1523bc619ad94e3213bf");
    }

    @Test
    void hashNeedsAnEncodableString() {
        assertThat(recordError("AttributeError", () -> transform("hash", map(), null)))
                .isEqualTo("'NoneType' object has no attribute 'encode'");
        recordError("AttributeError", () -> transform("hash", map(), 15L));
        recordError("AttributeError", () -> transform("hash", map(), list("a")));
        assertThat(recordError("UnicodeEncodeError", () -> transform("hash", map(), "a\uD800")))
                .isEqualTo("'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5", "SHA256", ""})
    void hashRejectsUnknownAlgorithmsInsteadOfFallingBackToSha1(String algorithm) {
        assertThatThrownBy(() -> transform("hash", map("algorithm", algorithm), "DataCater"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("algorithm");
    }
}
