package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.Builtins.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datapipelines.model.builtin.BuiltinCatalogue;
import io.datapipelines.model.builtin.BuiltinSpec;
import io.datapipelines.model.builtin.Role;
import io.datapipelines.model.builtin.StepKind;
import io.datapipelines.runtime.step.FieldTransform;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuiltinFunctionsTest {

    @Test
    void coversEveryJavaFieldFilterOfTheCatalogue() {
        assertThat(BuiltinFunctions.fieldFilterKeys()).hasSize(10).containsExactlyInAnyOrderElementsOf(
                BuiltinCatalogue.all().stream()
                        .filter(spec -> spec.role() == Role.FILTER && spec.kind() == StepKind.FIELD && !spec.isPython())
                        .map(BuiltinSpec::key).collect(Collectors.toSet()));
    }

    @Test
    void coversEveryJavaFieldTransformOfTheCatalogueButThoseOfTheStepEngine() {
        assertThat(BuiltinFunctions.fieldTransformKeys()).hasSize(31).containsExactlyInAnyOrderElementsOf(
                BuiltinCatalogue.all().stream()
                        .filter(spec -> spec.role() == Role.TRANSFORM && spec.kind() == StepKind.FIELD && !spec.isPython())
                        .map(BuiltinSpec::key)
                        .filter(key -> !key.equals("drop-field") && !key.equals("rename-field"))
                        .collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"drop-field", "rename-field", "user-defined-transformation", "user-defined-record-transformation",
            "tokenizer", "add-column", "contain"})
    void refusesKeysThatAreNotJavaFieldTransforms(String key) {
        assertThatThrownBy(() -> BuiltinFunctions.fieldTransform(key, map("newFieldName", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-defined-filter", "user-defined-record-filter", "contains", "hash"})
    void refusesKeysThatAreNotJavaFieldFilters(String key) {
        assertThatThrownBy(() -> BuiltinFunctions.fieldFilter(key, map())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key);
    }

    @Test
    void refusesConfigsTheCatalogueRejects() {
        assertThatThrownBy(() -> BuiltinFunctions.fieldTransform("round", map("precision", "abc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("precision");
        assertThatThrownBy(() -> BuiltinFunctions.fieldFilter("reg-exp", map("value", "[a-")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
    }

    @Test
    void refusesUnknownParameters() {
        assertThatThrownBy(() -> BuiltinFunctions.fieldTransform("hash", map("algorithm", "sha1", "salt", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("salt");
    }

    @Test
    void readsTheConfigOnceWhenCreated() {
        Map<String, Object> config = map("value", "Python");
        FieldTransform append = BuiltinFunctions.fieldTransform("append", config);
        config.put("value", "Java");

        assertThat(append.apply("Data streaming with ", map())).isEqualTo("Data streaming with Python");
    }

    @Test
    void fieldOrderWithinAStepIsTheEnginesConcernTransformsOnlyReadTheRow() {
        // catalogue §1.5: a: uppercase then b: append-field(a) gives "yX"; the engine assigns results, in order.
        Map<String, Object> row = map("a", "x", "b", "y");
        row.put("a", BuiltinFunctions.fieldTransform("uppercase", map()).apply(row.get("a"), row));
        row.put("b", BuiltinFunctions.fieldTransform("append-field", map("fieldName", "a")).apply(row.get("b"), row));

        assertThat(row).isEqualTo(Map.of("a", "X", "b", "yX"));
    }
}
