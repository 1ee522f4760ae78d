package io.datapipelines.model.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinCatalogueTest {

    static Stream<Arguments> expectedSpecs() {
        return Stream.of(
                // filters
                spec("contain", StepKind.FIELD, Role.FILTER, false, "value"),
                spec("empty", StepKind.FIELD, Role.FILTER, false),
                spec("end-with", StepKind.FIELD, Role.FILTER, false, "value"),
                spec("equal", StepKind.FIELD, Role.FILTER, false, "value"),
                spec("greater-than", StepKind.FIELD, Role.FILTER, false, "value"),
                spec("less-than", StepKind.FIELD, Role.FILTER, false, "value"),
                spec("not-empty", StepKind.FIELD, Role.FILTER, false),
                spec("not-equal", StepKind.FIELD, Role.FILTER, false, "value"),
                spec("reg-exp", StepKind.FIELD, Role.FILTER, false, "value"),
                spec("start-with", StepKind.FIELD, Role.FILTER, false, "value"),
                spec("user-defined-filter", StepKind.FIELD, Role.FILTER, false, "code"),
                spec("user-defined-record-filter", StepKind.RECORD, Role.FILTER, false, "code"),
                // transforms
                spec("add", StepKind.FIELD, Role.TRANSFORM, false, "value"),
                spec("add-field", StepKind.FIELD, Role.TRANSFORM, false, "fieldName"),
                spec("append-field", StepKind.FIELD, Role.TRANSFORM, false, "fieldName"),
                spec("append", StepKind.FIELD, Role.TRANSFORM, false, "value"),
                spec("capitalize", StepKind.FIELD, Role.TRANSFORM, false),
                spec("cast-data-type", StepKind.FIELD, Role.TRANSFORM, true, "toDataType"),
                spec("ceil", StepKind.FIELD, Role.TRANSFORM, false),
                spec("divide", StepKind.FIELD, Role.TRANSFORM, false, "value"),
                spec("divide-field", StepKind.FIELD, Role.TRANSFORM, false, "fieldName"),
                spec("drop-field", StepKind.FIELD, Role.TRANSFORM, true),
                spec("floor", StepKind.FIELD, Role.TRANSFORM, false),
                spec("hash", StepKind.FIELD, Role.TRANSFORM, false, "algorithm"),
                spec("lowercase", StepKind.FIELD, Role.TRANSFORM, false),
                spec("modulo", StepKind.FIELD, Role.TRANSFORM, false, "value"),
                spec("modulo-field", StepKind.FIELD, Role.TRANSFORM, false, "fieldName"),
                spec("multiply", StepKind.FIELD, Role.TRANSFORM, false, "value"),
                spec("multiply-field", StepKind.FIELD, Role.TRANSFORM, false, "fieldName"),
                spec("new-field", StepKind.FIELD, Role.TRANSFORM, true, "defaultValue"),
                spec("prepend-field", StepKind.FIELD, Role.TRANSFORM, false, "fieldName"),
                spec("prepend-value", StepKind.FIELD, Role.TRANSFORM, false, "value"),
                spec("remove-punctuation", StepKind.FIELD, Role.TRANSFORM, false),
                spec("rename-field", StepKind.FIELD, Role.TRANSFORM, true, "newFieldName"),
                spec("rename-key-json-structure", StepKind.FIELD, Role.TRANSFORM, false, "oldKeyName", "newKeyName"),
                spec("replace-constant", StepKind.FIELD, Role.TRANSFORM, false, "value"),
                spec("replace-field", StepKind.FIELD, Role.TRANSFORM, false, "fieldName"),
                spec("round", StepKind.FIELD, Role.TRANSFORM, false, "precision"),
                spec("subtract", StepKind.FIELD, Role.TRANSFORM, false, "value"),
                spec("subtract-field", StepKind.FIELD, Role.TRANSFORM, false, "fieldName"),
                spec("tokenize", StepKind.FIELD, Role.TRANSFORM, false, "token"),
                spec("trim", StepKind.FIELD, Role.TRANSFORM, false),
                spec("truncate-characters", StepKind.FIELD, Role.TRANSFORM, false, "characters"),
                spec("truncate-words", StepKind.FIELD, Role.TRANSFORM, false, "words", "token"),
                spec("uppercase", StepKind.FIELD, Role.TRANSFORM, false),
                spec("user-defined-record-transformation", StepKind.RECORD, Role.TRANSFORM, false, "code"),
                spec("user-defined-transformation", StepKind.FIELD, Role.TRANSFORM, false, "code"));
    }

    private static Arguments spec(String key, StepKind kind, Role role, boolean post, String... parameters) {
        return Arguments.of(key, kind, role, post, List.of(parameters));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedSpecs")
    void describesEachBuiltinAsTheReferenceDoes(String key, StepKind kind, Role role, boolean post, List<String> parameters) {
        BuiltinSpec spec = BuiltinCatalogue.find(key).orElseThrow();

        assertThat(spec.key()).isEqualTo(key);
        assertThat(spec.kind()).isEqualTo(kind);
        assertThat(spec.role()).isEqualTo(role);
        assertThat(spec.post()).isEqualTo(post);
        assertThat(spec.parameters()).containsExactlyInAnyOrderElementsOf(parameters);
        assertThat(spec.check()).isNotNull();
        assertThat(spec.isPython()).isEqualTo(key.startsWith("user-defined-"));
    }

    @Test
    void hasExactlyTheTwelveFiltersAndThirtyFiveTransforms() {
        Set<String> expected = expectedSpecs().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        List<BuiltinSpec> all = BuiltinCatalogue.all();

        assertThat(all).extracting(BuiltinSpec::key).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(all).hasSize(47);
        Map<Role, Long> byRole = all.stream().collect(Collectors.groupingBy(BuiltinSpec::role, Collectors.counting()));
        assertThat(byRole).containsEntry(Role.FILTER, 12L).containsEntry(Role.TRANSFORM, 35L);
    }

    @Test
    void onlyTheFourPassTwoTransformsArePost() {
        assertThat(BuiltinCatalogue.all()).filteredOn(BuiltinSpec::post).extracting(BuiltinSpec::key)
                .containsExactlyInAnyOrder("cast-data-type", "drop-field", "new-field", "rename-field");
    }

    @Test
    void onlyTheTwoRecordFunctionsAreRecordKind() {
        assertThat(BuiltinCatalogue.all()).filteredOn(spec -> spec.kind() == StepKind.RECORD).extracting(BuiltinSpec::key)
                .containsExactlyInAnyOrder("user-defined-record-filter", "user-defined-record-transformation");
    }

    @Test
    void unknownKeysAndFolderNamesAreNotFound() {
        assertThat(BuiltinCatalogue.find("tokenizer")).isEmpty();
        assertThat(BuiltinCatalogue.find("appendvalue")).isEmpty();
        assertThat(BuiltinCatalogue.find("add-column")).isEmpty();
        assertThat(BuiltinCatalogue.find("Hash")).isEmpty();
    }

    @Test
    void allIsUnmodifiable() {
        List<BuiltinSpec> all = BuiltinCatalogue.all();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> all.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
