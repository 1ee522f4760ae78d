package io.datapipelines.model.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PythonRegexTest {

    /** re.match semantics: a prefix match. */
    private static boolean matches(String pattern, String text) {
        return PythonRegex.compile(pattern).matcher(text).lookingAt();
    }

    static Stream<Arguments> matchCases() {
        // pattern | text | whether re.match finds a match (checked against CPython 3.11)
        return Stream.of(
                "(?P<year>\\d{4})-(?P=year)|2023-2023|true",
                "(?P<year>\\d{4})-(?P=year)|2023-2024|false",
                "(?P<first_name>\\w+) (?P=first_name)|ab ab|true",
                "a{|a{|true",
                "a{,2}b|aab|true",
                "a{,2}b|aaab|false",
                "x{}|x{}|true",
                "a{1,2|a{1,2|true",
                "[a[]+|a[a|true",
                "[a&&b]+|&&|true",
                "[]a]+|]a]|true",
                "abc\\Z|abc\n|false",
                "abc$|abc\n|true",
                "a.c|a\rc|true",
                "a.c|a\nc|false",
                "\\v|\u000b|true",
                "\\v|\n|false",
                "[\\b]|\b|true",
                "\\0|\u0000|true",
                "\\101|A|true",
                "(a)(b)\\2|abb|true",
                "\\x41\\u00e9\\U0001F600|Aé😀|true",
                "(?#comment)abc|abc|true",
                "\\w+$|straße|true",
                "\\d|١|true",
                "(?a)\\d|١|false",
                "(?i)STRASSE|strasse|true",
                "(?i)É|é|true",
                "abc|abcx|true",
                "abc|xabc|false",
                "|anything|true")
                .map(row -> {
                    String[] parts = row.split("\\|", -1);
                    return Arguments.of(parts[0], parts[1], Boolean.parseBoolean(parts[2]));
                });
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("matchCases")
    void matchesLikePythonsReMatch(String pattern, String text, boolean expected) {
        assertThat(matches(pattern, text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a-", "(abc", "\\h", "\\p{L}", "[\\Z]", "\\Q", "(?<name>x)", "(?P=nope)", "(?P<a>x)(?P<a>y)",
            "(?P<1x>a)", "(?L)a", "(a)\\2", "(a)\\10", "\\U00110000", "\\x4", "\\8", "*a"})
    void rejectsWhatPythonRejects(String pattern) {
        assertThatThrownBy(() -> PythonRegex.compile(pattern)).isInstanceOf(PatternSyntaxException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(?P<year>\\d+)|(?<g1>\\d+)",
            "(?P<y>a)(?P=y)|(?<g1>a)\\k<g1>",
            "a{|a\\{",
            "a{,3}|a{0,3}",
            "[[&]|[\\[\\&]",
            "\\Z|\\z"})
    void translatesToJavaSyntax(String python, String java) {
        assertThat(PythonRegex.toJava(python)).isEqualTo(java);
    }
}
