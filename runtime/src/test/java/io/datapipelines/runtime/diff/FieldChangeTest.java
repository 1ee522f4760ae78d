package io.datapipelines.runtime.diff;

import io.datapipelines.runtime.codec.JsonCodec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A field change's JSON form: what {@code diff --output json} and the shadow's samples carry, read back (by
 * {@code deploy --shadow}, from the diff topic) into the same change, so that both describe it in the same words.
 */
class FieldChangeTest {

    @Test
    void readBackFromItsJsonTextItIsTheSameChange() throws Exception {
        List<FieldChange> changes = List.of(
                new FieldChange("value.amount", FieldChange.Kind.CHANGED, 1.25, 1.0),
                new FieldChange("value.amount", FieldChange.Kind.CHANGED, 3.0, 3L),
                new FieldChange("value.note", FieldChange.Kind.ADDED, null, "x"),
                new FieldChange("[1].value.name", FieldChange.Kind.REMOVED, "Ada", null),
                new FieldChange("headers.trace", FieldChange.Kind.CHANGED, Map.of("id", 1L), List.of("a")));
        for (FieldChange change : changes) {
            // As a sample travels: JSON text on the diff topic, parsed into plain maps, lists and numbers.
            Map<?, ?> parsed = (Map<?, ?>) JsonCodec.fromJson(JsonCodec.toJson(change.toJson()));
            FieldChange back = FieldChange.fromJson(parsed);
            assertThat(back.describe()).as(change.toString()).isEqualTo(change.describe());
            assertThat(back.path()).isEqualTo(change.path());
            assertThat(back.kind()).isEqualTo(change.kind());
        }
    }

    @Test
    void theJsonFormLeavesOutTheSideThatIsNotThere() {
        assertThat(new FieldChange("value.note", FieldChange.Kind.ADDED, null, "x").toJson()).containsOnlyKeys("path", "kind", "new")
                .containsEntry("kind", "added");
        assertThat(new FieldChange("value.note", FieldChange.Kind.REMOVED, "x", null).toJson()).containsOnlyKeys("path", "kind", "old")
                .containsEntry("kind", "removed");
    }

    @Test
    void somethingElseIsNotAFieldChange() {
        assertThatThrownBy(() -> FieldChange.fromJson(Map.of("path", "value.a", "kind", "moved")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind moved");
        assertThatThrownBy(() -> FieldChange.fromJson(Map.of("kind", "added")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a field change");
    }
}
