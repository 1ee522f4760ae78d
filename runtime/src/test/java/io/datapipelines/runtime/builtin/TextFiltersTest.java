package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.Builtins.S;
import static io.datapipelines.runtime.builtin.Builtins.filter;
import static io.datapipelines.runtime.builtin.Builtins.list;
import static io.datapipelines.runtime.builtin.Builtins.map;
import static io.datapipelines.runtime.builtin.Builtins.recordError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** contain, start-with, end-with, reg-exp, empty, not-empty: catalogue §2 and §4.1. */
class TextFiltersTest {

    @Test
    void containExamplesFromTheReferenceTests() {
        assertThat(filter("contain", map("value", "ETL"), S)).isTrue();
        assertThat(filter("contain", map("value", "Reverse ETL"), S)).isFalse();
        assertThat(filter("contain", map("value", null), S)).isTrue();
        assertThat(filter("contain", map(), S)).isTrue();
    }

    @Test
    void containFollowsPythonIn() {
        assertThat(filter("contain", map("value", "etl"), S)).isFalse();
        assertThat(filter("contain", map("value", ""), "")).isTrue();
        assertThat(filter("contain", map("value", "b"), list("a", "b"))).isTrue();
        assertThat(filter("contain", map("value", "b"), list("abc"))).isFalse();
        assertThat(filter("contain", map("value", "name"), map("name", "DataCater"))).isTrue();
        assertThat(filter("contain", map("value", "DataCater"), map("name", "DataCater"))).isFalse();
        assertThat(recordError("TypeError", () -> filter("contain", map("value", "x"), null)))
                .isEqualTo("argument of type 'NoneType' is not iterable");
        recordError("TypeError", () -> filter("contain", map("value", "4"), 42L));
        recordError("TypeError", () -> filter("contain", map("value", "4"), 4.2));
        recordError("TypeError", () -> filter("contain", map("value", 4L), "42"));
    }

    @Test
    void endWithExamplesFromTheReferenceTests() {
        assertThat(filter("end-with", map("value", "data in motion."), S)).isTrue();
        assertThat(filter("end-with", map("value", "data at rest."), S)).isFalse();
        assertThat(filter("end-with", map("value", null), S)).isTrue();
        assertThat(filter("end-with", map(), S)).isTrue();
        assertThat(filter("end-with", map("value", ""), S)).isTrue();
        assertThat(filter("end-with", map("value", "MOTION."), S)).isFalse();
    }

    @Test
    void startWithExamplesFromTheReferenceTests() {
        assertThat(filter("start-with", map("value", "DataCater is"), S)).isTrue();
        assertThat(filter("start-with", map("value", "Kafka is"), S)).isFalse();
        assertThat(filter("start-with", map("value", null), S)).isTrue();
        assertThat(filter("start-with", map(), S)).isTrue();
        assertThat(filter("start-with", map("value", ""), "")).isTrue();
        assertThat(filter("start-with", map("value", "datacater"), S)).isFalse();
    }

    @Test
    void prefixAndSuffixTestsNeedAString() {
        assertThat(recordError("AttributeError", () -> filter("start-with", map("value", "x"), null)))
                .isEqualTo("'NoneType' object has no attribute 'startswith'");
        assertThat(recordError("AttributeError", () -> filter("end-with", map("value", "x"), 42L)))
                .isEqualTo("'int' object has no attribute 'endswith'");
        recordError("AttributeError", () -> filter("start-with", map("value", "x"), list("x")));
    }

    @Test
    void regExpExamplesFromTheReferenceTests() {
        assertThat(filter("reg-exp", map("value", ".*ETL.*"), S)).isTrue();
        assertThat(filter("reg-exp", map("value", ".*ELT.*"), S)).isFalse();
        assertThat(filter("reg-exp", map("value", null), S)).isTrue();
        assertThat(filter("reg-exp", map(), S)).isTrue();
    }

    @Test
    void regExpIsAPrefixMatchLikeReMatch() {
        assertThat(filter("reg-exp", map("value", "abc"), "abcx")).isTrue();
        assertThat(filter("reg-exp", map("value", "abc"), "xabc")).isFalse();
        assertThat(filter("reg-exp", map("value", ""), "anything")).isTrue();
        assertThat(filter("reg-exp", map("value", "ETL"), S)).isFalse();
        assertThat(filter("reg-exp", map("value", "datacater"), S)).isFalse();
        assertThat(filter("reg-exp", map("value", "(?i)datacater"), S)).isTrue();
        assertThat(filter("reg-exp", map("value", "a.b"), "a\nb")).isFalse();
        assertThat(filter("reg-exp", map("value", "(?P<y>\\d{4})-(?P=y)"), "2023-2023!")).isTrue();
        assertThat(recordError("TypeError", () -> filter("reg-exp", map("value", "x"), null)))
                .isEqualTo("expected string or bytes-like object, got 'NoneType'");
        recordError("TypeError", () -> filter("reg-exp", map("value", "4"), 42L));
    }

    @Test
    void emptyIsTrueOnlyForNone() {
        assertThat(filter("empty", map(), null)).isTrue();
        assertThat(filter("empty", map(), S)).isFalse();
        assertThat(filter("empty", map(), "")).isFalse();
        assertThat(filter("empty", map(), list())).isFalse();
        assertThat(filter("empty", map(), 0L)).isFalse();
    }

    @Test
    void notEmptyIsTrueForEverythingButNone() {
        assertThat(filter("not-empty", map(), null)).isFalse();
        assertThat(filter("not-empty", map(), S)).isTrue();
        assertThat(filter("not-empty", map(), "")).isTrue();
        assertThat(filter("not-empty", map(), false)).isTrue();
    }
}
