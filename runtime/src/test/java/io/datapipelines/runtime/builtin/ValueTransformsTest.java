package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.Builtins.list;
import static io.datapipelines.runtime.builtin.Builtins.map;
import static io.datapipelines.runtime.builtin.Builtins.recordError;
import static io.datapipelines.runtime.builtin.Builtins.transform;
import static org.assertj.core.api.Assertions.assertThat;

import io.datapipelines.runtime.step.FieldTransform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** new-field, replace-constant, replace-field: catalogue §3 and §4.2. */
class ValueTransformsTest {

    @Test
    void newFieldGivesTheDefaultValueWhateverTheValue() {
        assertThat(transform("new-field", map(), null)).isNull();
        assertThat(transform("new-field", map("defaultValue", 42L), null)).isEqualTo(42L);
        assertThat(transform("new-field", map("defaultValue", "Frankfurt"), "Berlin")).isEqualTo("Frankfurt");
        assertThat(transform("new-field", map("defaultValue", "42"), 1L)).isEqualTo("42");
        assertThat(transform("new-field", map(), "existing")).isNull();
    }

    @Test
    void replaceConstantExamplesFromTheReferenceTests() {
        assertThat(transform("replace-constant", map("value", "DataCater"), null)).isEqualTo("DataCater");
        assertThat(transform("replace-constant", map("value", 42L), null)).isEqualTo(42L);
        assertThat(transform("replace-constant", map("value", null), null)).isNull();
        assertThat(transform("replace-constant", map(), null)).isNull();
        assertThat(transform("replace-constant", map(), "original")).isEqualTo("original");
        assertThat(transform("replace-constant", map("value", ""), "original")).isEqualTo("");
    }

    @Test
    void constantsAreNotSharedBetweenRecords() {
        FieldTransform transform = BuiltinFunctions.fieldTransform("new-field", map("defaultValue", map("tags", list("a"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) transform.apply(null, map());
        @SuppressWarnings("unchecked")
        List<Object> tags = (List<Object>) first.get("tags");
        tags.add("changed by a later step");

        assertThat(transform.apply(null, map())).isEqualTo(Map.of("tags", List.of("a")));
    }

    @Test
    void replaceFieldExamplesFromTheReferenceTests() {
        assertThat(transform("replace-field", map("fieldName", "name"), null, map("name", "DataCater"))).isEqualTo("DataCater");
        assertThat(transform("replace-field", map("fieldName", "n"), null, map("n", 42L))).isEqualTo(42L);
        assertThat(recordError("KeyError", () -> transform("replace-field", map("fieldName", "name"), null, map())))
                .isEqualTo("'name'");
        assertThat(transform("replace-field", map(), null, map("name", "DataCater"))).isNull();
        assertThat(transform("replace-field", map("fieldName", null), "kept", map("name", "DataCater"))).isEqualTo("kept");
    }

    @Test
    void replaceFieldLooksUpAnEmptyName() {
        assertThat(transform("replace-field", map("fieldName", ""), "x", map("", "empty-named"))).isEqualTo("empty-named");
        recordError("KeyError", () -> transform("replace-field", map("fieldName", ""), "x", map()));
    }
}
