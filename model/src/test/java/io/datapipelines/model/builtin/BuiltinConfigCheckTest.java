package io.datapipelines.model.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each built-in's ConfigCheck: definition-format.md rule 5 for what the definition alone can tell. */
class BuiltinConfigCheckTest {

    /** A problem as reported: the parameter at fault and the message. */
    record Reported(String parameter, String message) {
    }

    static List<Reported> check(String key, Map<String, Object> config) {
        List<Reported> problems = new ArrayList<>();
        BuiltinCatalogue.find(key).orElseThrow().check().check(config, (p, m) -> problems.add(new Reported(p, m)));
        return problems;
    }

    static Map<String, Object> cfg(Object... keysAndValues) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    static Stream<Arguments> validConfigs() {
        return Stream.of(
                Arguments.of("hash", cfg()),
                Arguments.of("hash", cfg("algorithm", null)),
                Arguments.of("hash", cfg("algorithm", "sha1")),
                Arguments.of("hash", cfg("algorithm", "sha256")),
                Arguments.of("hash", cfg("algorithm", "sha512")),
                Arguments.of("cast-data-type", cfg()),
                Arguments.of("cast-data-type", cfg("toDataType", null)),
                Arguments.of("cast-data-type", cfg("toDataType", "boolean")),
                Arguments.of("cast-data-type", cfg("toDataType", "double")),
                Arguments.of("cast-data-type", cfg("toDataType", "float")),
                Arguments.of("cast-data-type", cfg("toDataType", "int")),
                Arguments.of("cast-data-type", cfg("toDataType", "long")),
                Arguments.of("cast-data-type", cfg("toDataType", "string")),
                Arguments.of("round", cfg()),
                Arguments.of("round", cfg("precision", null)),
                Arguments.of("round", cfg("precision", "")),
                Arguments.of("round", cfg("precision", 2L)),
                Arguments.of("round", cfg("precision", "3")),
                Arguments.of("round", cfg("precision", " 3 ")),
                Arguments.of("round", cfg("precision", "1_0")),
                Arguments.of("round", cfg("precision", -2L)),
                Arguments.of("round", cfg("precision", "-2")),
                Arguments.of("round", cfg("precision", 1.5)),
                Arguments.of("round", cfg("precision", true)),
                Arguments.of("truncate-characters", cfg("characters", 9L)),
                Arguments.of("truncate-characters", cfg("characters", "9")),
                Arguments.of("truncate-characters", cfg("characters", 0L)),
                Arguments.of("truncate-characters", cfg("characters", "")),
                Arguments.of("truncate-characters", cfg("characters", null)),
                Arguments.of("truncate-characters", cfg("characters", -0.5)),
                Arguments.of("truncate-words", cfg("words", 4L)),
                Arguments.of("truncate-words", cfg("words", "2", "token", "-")),
                Arguments.of("truncate-words", cfg("words", 2.7)),
                Arguments.of("truncate-words", cfg()),
                Arguments.of("tokenize", cfg()),
                Arguments.of("tokenize", cfg("token", null)),
                Arguments.of("tokenize", cfg("token", "-")),
                Arguments.of("tokenize", cfg("token", " ")),
                Arguments.of("add", cfg()),
                Arguments.of("add", cfg("value", null)),
                Arguments.of("add", cfg("value", "")),
                Arguments.of("add", cfg("value", 2022L)),
                Arguments.of("add", cfg("value", "2022")),
                Arguments.of("add", cfg("value", 2.5)),
                Arguments.of("add", cfg("value", "2.5")),
                Arguments.of("add", cfg("value", " 1e3 ")),
                Arguments.of("add", cfg("value", "1_000")),
                Arguments.of("add", cfg("value", new BigInteger("123456789012345678901234567890"))),
                Arguments.of("subtract", cfg("value", "3.1")),
                Arguments.of("multiply", cfg("value", true)),
                Arguments.of("divide", cfg("value", 3L)),
                Arguments.of("divide", cfg("value", "3")),
                Arguments.of("divide", cfg("value", 2.1)),
                Arguments.of("divide", cfg("value", "2.1")),
                Arguments.of("divide", cfg("value", "")),
                Arguments.of("modulo", cfg("value", -3L)),
                Arguments.of("modulo", cfg("value", "0.5")),
                Arguments.of("reg-exp", cfg()),
                Arguments.of("reg-exp", cfg("value", null)),
                Arguments.of("reg-exp", cfg("value", "")),
                Arguments.of("reg-exp", cfg("value", ".*ETL.*")),
                Arguments.of("reg-exp", cfg("value", "(?P<year>\\d{4})-(?P=year)")),
                Arguments.of("reg-exp", cfg("value", "a{")),
                Arguments.of("reg-exp", cfg("value", "(?i)data")),
                Arguments.of("rename-field", cfg("newFieldName", "company_city")),
                Arguments.of("rename-key-json-structure", cfg()),
                Arguments.of("rename-key-json-structure", cfg("oldKeyName", "name", "newKeyName", "companyName")),
                Arguments.of("rename-key-json-structure", cfg("oldKeyName", null, "newKeyName", "")),
                Arguments.of("start-with", cfg("value", "DataCater")),
                Arguments.of("start-with", cfg("value", null)),
                Arguments.of("end-with", cfg("value", "")),
                Arguments.of("append", cfg("value", " Python")),
                Arguments.of("append", cfg("value", "")),
                Arguments.of("prepend-value", cfg("value", null)),
                Arguments.of("add-field", cfg("fieldName", "year")),
                Arguments.of("replace-field", cfg("fieldName", "")),
                Arguments.of("new-field", cfg("defaultValue", List.of(1L, 2L))),
                Arguments.of("new-field", cfg("defaultValue", null)),
                Arguments.of("replace-constant", cfg("value", Map.of("a", 1L))),
                Arguments.of("contain", cfg("value", 42L)),
                Arguments.of("equal", cfg("value", List.of())),
                Arguments.of("not-equal", cfg()),
                Arguments.of("greater-than", cfg("value", "Php")),
                Arguments.of("less-than", cfg("value", 6.0)),
                Arguments.of("user-defined-filter", cfg("code", "def filter(value, row):\n    return True\n")),
                Arguments.of("user-defined-record-transformation", cfg()),
                Arguments.of("trim", cfg()),
                Arguments.of("drop-field", cfg()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("validConfigs")
    void acceptsValidConfigs(String key, Map<String, Object> config) {
        assertThat(check(key, config)).isEmpty();
    }

    static Stream<Arguments> invalidConfigs() {
        return Stream.of(
                Arguments.of("hash", cfg("algorithm", "md5"), "algorithm"),
                Arguments.of("hash", cfg("algorithm", "SHA256"), "algorithm"),
                Arguments.of("hash", cfg("algorithm", ""), "algorithm"),
                Arguments.of("hash", cfg("algorithm", 256L), "algorithm"),
                Arguments.of("cast-data-type", cfg("toDataType", "Int"), "toDataType"),
                Arguments.of("cast-data-type", cfg("toDataType", "str"), "toDataType"),
                Arguments.of("cast-data-type", cfg("toDataType", true), "toDataType"),
                Arguments.of("round", cfg("precision", "1.5"), "precision"),
                Arguments.of("round", cfg("precision", "abc"), "precision"),
                Arguments.of("round", cfg("precision", List.of(1L)), "precision"),
                Arguments.of("round", cfg("precision", Double.NaN), "precision"),
                Arguments.of("round", cfg("precision", Double.POSITIVE_INFINITY), "precision"),
                Arguments.of("round", cfg("precision", BigInteger.TWO.pow(70)), "precision"),
                Arguments.of("truncate-characters", cfg("characters", -1L), "characters"),
                Arguments.of("truncate-characters", cfg("characters", "-1"), "characters"),
                Arguments.of("truncate-characters", cfg("characters", "2.5"), "characters"),
                Arguments.of("truncate-words", cfg("words", -1L), "words"),
                Arguments.of("truncate-words", cfg("words", "2.0"), "words"),
                Arguments.of("truncate-words", cfg("words", 2L, "token", ""), "token"),
                Arguments.of("truncate-words", cfg("words", 2L, "token", null), "token"),
                Arguments.of("truncate-words", cfg("words", 2L, "token", 5L), "token"),
                Arguments.of("tokenize", cfg("token", ""), "token"),
                Arguments.of("tokenize", cfg("token", 5L), "token"),
                Arguments.of("add", cfg("value", "abc"), "value"),
                Arguments.of("add", cfg("value", List.of(1L)), "value"),
                Arguments.of("subtract", cfg("value", Map.of()), "value"),
                Arguments.of("multiply", cfg("value", "1.5.2"), "value"),
                Arguments.of("divide", cfg("value", 0L), "value"),
                Arguments.of("divide", cfg("value", "0"), "value"),
                Arguments.of("divide", cfg("value", 0.0), "value"),
                Arguments.of("divide", cfg("value", "-0.0"), "value"),
                Arguments.of("divide", cfg("value", false), "value"),
                Arguments.of("divide", cfg("value", "abc"), "value"),
                Arguments.of("modulo", cfg("value", 0L), "value"),
                Arguments.of("modulo", cfg("value", " 0 "), "value"),
                Arguments.of("reg-exp", cfg("value", "[a-"), "value"),
                Arguments.of("reg-exp", cfg("value", "(unclosed"), "value"),
                Arguments.of("reg-exp", cfg("value", "\\h"), "value"),
                Arguments.of("reg-exp", cfg("value", "(?<name>x)"), "value"),
                Arguments.of("reg-exp", cfg("value", "(?P=missing)"), "value"),
                Arguments.of("reg-exp", cfg("value", 42L), "value"),
                Arguments.of("rename-field", cfg(), "newFieldName"),
                Arguments.of("rename-field", cfg("newFieldName", ""), "newFieldName"),
                Arguments.of("rename-field", cfg("newFieldName", null), "newFieldName"),
                Arguments.of("rename-field", cfg("newFieldName", 42L), "newFieldName"),
                Arguments.of("rename-key-json-structure", cfg("oldKeyName", "name"), "newKeyName"),
                Arguments.of("rename-key-json-structure", cfg("oldKeyName", "name", "newKeyName", ""), "newKeyName"),
                Arguments.of("rename-key-json-structure", cfg("newKeyName", "companyName"), "oldKeyName"),
                Arguments.of("start-with", cfg("value", 42L), "value"),
                Arguments.of("end-with", cfg("value", List.of("a")), "value"),
                Arguments.of("append", cfg("value", 15L), "value"),
                Arguments.of("prepend-value", cfg("value", 15L), "value"),
                Arguments.of("add-field", cfg("fieldName", 42L), "fieldName"),
                Arguments.of("subtract-field", cfg("fieldName", true), "fieldName"),
                Arguments.of("multiply-field", cfg("fieldName", List.of()), "fieldName"),
                Arguments.of("divide-field", cfg("fieldName", 1.0), "fieldName"),
                Arguments.of("modulo-field", cfg("fieldName", 3L), "fieldName"),
                Arguments.of("append-field", cfg("fieldName", 3L), "fieldName"),
                Arguments.of("prepend-field", cfg("fieldName", 3L), "fieldName"),
                Arguments.of("replace-field", cfg("fieldName", 3L), "fieldName"),
                Arguments.of("user-defined-transformation", cfg("code", 42L), "code"),
                Arguments.of("user-defined-record-filter", cfg("code", List.of()), "code"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidConfigs")
    void rejectsInvalidConfigsNamingTheParameter(String key, Map<String, Object> config, String parameter) {
        List<Reported> problems = check(key, config);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).parameter()).isEqualTo(parameter);
        assertThat(problems.get(0).message()).isNotBlank();
    }

    @Test
    void messagesNameTheExpectedFormAndTheValueGiven() {
        assertThat(check("hash", cfg("algorithm", "md5")))
                .containsExactly(new Reported("algorithm", "must be one of sha1, sha256, sha512, not \"md5\""));
        assertThat(check("cast-data-type", cfg("toDataType", "Int")))
                .containsExactly(new Reported("toDataType", "must be one of boolean, double, float, int, long, string, not \"Int\""));
        assertThat(check("round", cfg("precision", "1.5")).get(0).message())
                .isEqualTo("must be an integer (such as 2 or \"2\"), not \"1.5\"");
        assertThat(check("truncate-words", cfg("words", -1L)).get(0).message())
                .isEqualTo("must be zero or a positive integer, not -1");
        assertThat(check("add", cfg("value", "abc")).get(0).message())
                .isEqualTo("must be a number (such as 3, 2.5 or \"2.5\"), not \"abc\"");
        assertThat(check("divide", cfg("value", "0")).get(0).message()).contains("must not be zero").contains("\"0\"");
        assertThat(check("append", cfg("value", 15L)).get(0).message()).isEqualTo("must be a string, not 15");
        assertThat(check("add-field", cfg("fieldName", List.of())).get(0).message()).isEqualTo("must be a string, not a list");
        assertThat(check("reg-exp", cfg("value", "[a-")).get(0).message())
                .startsWith("must be a valid regular expression, not \"[a-\" (");
        assertThat(check("rename-field", cfg()).get(0).message()).startsWith("is required");
        assertThat(check("tokenize", cfg("token", "")).get(0).message()).contains("non-empty string").contains("\"\"");
    }

    @Test
    void reportsEveryProblemOfAConfig() {
        assertThat(check("truncate-words", cfg("words", "x", "token", "")))
                .extracting(Reported::parameter).containsExactly("words", "token");
    }
}
