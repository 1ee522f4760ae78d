package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.Builtins.S;
import static io.datapipelines.runtime.builtin.Builtins.list;
import static io.datapipelines.runtime.builtin.Builtins.map;
import static io.datapipelines.runtime.builtin.Builtins.recordError;
import static io.datapipelines.runtime.builtin.Builtins.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** tokenize, truncate-words, truncate-characters: catalogue §3 and §4.2. */
class SplitTransformsTest {

    private static final String SENTENCE = "DataCater is the developer-friendly ETL platform.";

    @Test
    void tokenizeExamplesFromTheReferenceTests() {
        assertThat(transform("tokenize", map(), "developer-friendly ETL")).isEqualTo(List.of("developer-friendly", "ETL"));
        assertThat(transform("tokenize", map("token", "-"), "developer-friendly ETL")).isEqualTo(List.of("developer", "friendly ETL"));
        assertThat(transform("tokenize", map(), "")).isEqualTo(List.of(""));
    }

    @Test
    void tokenizeSplitsOnTheExactTokenUnlessItIsNull() {
        assertThat(transform("tokenize", map(), "a  b c")).isEqualTo(List.of("a", "", "b", "c"));
        assertThat(transform("tokenize", map("token", null), "  a  b\tc\n")).isEqualTo(List.of("a", "b", "c"));
        assertThat(transform("tokenize", map("token", null), "")).isEqualTo(List.of());
        assertThat(transform("tokenize", map("token", ", "), "a, b,c")).isEqualTo(List.of("a", "b,c"));
    }

    @Test
    void tokenizeNeedsAString() {
        assertThat(recordError("AttributeError", () -> transform("tokenize", map(), null)))
                .isEqualTo("'NoneType' object has no attribute 'split'");
        recordError("AttributeError", () -> transform("tokenize", map(), 15L));
    }

    @Test
    void tokenizeRejectsAnEmptyToken() {
        assertThatThrownBy(() -> transform("tokenize", map("token", ""), "abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncateWordsExamplesFromTheReferenceTests() {
        assertThat(transform("truncate-words", map("words", 4L), SENTENCE)).isEqualTo("DataCater is the developer-friendly");
        assertThat(transform("truncate-words", map("words", 1L, "token", "-"), SENTENCE)).isEqualTo("DataCater is the developer");
        assertThat(transform("truncate-words", map("words", "2"), SENTENCE)).isEqualTo("DataCater is");
        assertThat(transform("truncate-words", map("words", 1000L), SENTENCE)).isEqualTo(SENTENCE);
        assertThat(transform("truncate-words", map("words", 4L), "")).isEqualTo("");
        assertThat(transform("truncate-words", map("words", null), SENTENCE)).isEqualTo(SENTENCE);
        assertThat(transform("truncate-words", map(), SENTENCE)).isEqualTo(SENTENCE);
        assertThat(transform("truncate-words", map("words", ""), SENTENCE)).isEqualTo(SENTENCE);
    }

    @Test
    void truncateWordsKeepsEmptyPiecesAndTruncatesFloatCounts() {
        assertThat(transform("truncate-words", map("words", 2L), "a  b c")).isEqualTo("a ");
        assertThat(transform("truncate-words", map("words", 0L), SENTENCE)).isEqualTo("");
        assertThat(transform("truncate-words", map("words", 2.7), SENTENCE)).isEqualTo("DataCater is");
    }

    @Test
    void truncateWordsRejectsWhatTheReferenceFailsOnForEveryRecord() {
        assertThatThrownBy(() -> transform("truncate-words", map("words", -1L), SENTENCE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transform("truncate-words", map("words", "2.0"), SENTENCE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transform("truncate-words", map("words", 2L, "token", null), SENTENCE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transform("truncate-words", map("words", 2L, "token", ""), SENTENCE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncateWordsNeedsAString() {
        assertThat(recordError("AttributeError", () -> transform("truncate-words", map("words", 2L), null)))
                .isEqualTo("'NoneType' object has no attribute 'split'");
    }

    @Test
    void truncateCharactersExamplesFromTheReferenceTests() {
        assertThat(transform("truncate-characters", map("characters", 9L), S)).isEqualTo("DataCater");
        assertThat(transform("truncate-characters", map("characters", "9"), S)).isEqualTo("DataCater");
        assertThat(transform("truncate-characters", map("characters", 1000L), S)).isEqualTo(S);
        assertThat(transform("truncate-characters", map("characters", 1000L), "")).isEqualTo("");
        assertThat(transform("truncate-characters", map("characters", null), S)).isEqualTo(S);
        assertThat(transform("truncate-characters", map(), S)).isEqualTo(S);
        assertThatThrownBy(() -> transform("truncate-characters", map("characters", -1L), S))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncateCharactersSlicesCodePointsAndLists() {
        assertThat(transform("truncate-characters", map("characters", 0L), S)).isEqualTo("");
        assertThat(transform("truncate-characters", map("characters", 2L), "😀😀😀")).isEqualTo("😀😀");
        List<Object> input = list(1L, 2L, 3L);
        assertThat(transform("truncate-characters", map("characters", 2L), input)).isEqualTo(List.of(1L, 2L));
        assertThat(input).containsExactly(1L, 2L, 3L);
    }

    @Test
    void truncateCharactersNeedsASequence() {
        assertThat(recordError("TypeError", () -> transform("truncate-characters", map("characters", 2L), null)))
                .isEqualTo("'NoneType' object is not subscriptable");
        assertThat(recordError("TypeError", () -> transform("truncate-characters", map("characters", 2L), 15L)))
                .isEqualTo("'int' object is not subscriptable");
        assertThat(recordError("TypeError", () -> transform("truncate-characters", map("characters", 2L), map("a", 1L))))
                .isEqualTo("unhashable type: 'slice'");
    }
}
