package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.Builtins.map;
import static io.datapipelines.runtime.builtin.Builtins.recordError;
import static io.datapipelines.runtime.builtin.Builtins.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** rename-key-json-structure: catalogue §3.2 and §4.2. Expected strings are CPython's json.dumps output. */
class JsonKeyRenameTransformTest {

    private static Map<String, Object> rename(String oldName, String newName) {
        return map("oldKeyName", oldName, "newKeyName", newName);
    }

    @Test
    void examplesFromTheReferenceTests() {
        assertThat(transform("rename-key-json-structure", rename("name", "companyName"),
                "{\"name\":\"DataCater\",\"url\":\"https://datacater.io\"}"))
                .isEqualTo("{\"url\": \"https://datacater.io\", \"companyName\": \"DataCater\"}");
        assertThat(transform("rename-key-json-structure", rename("name", "companyName"),
                "{\"info\":{\"name\":\"DataCater\",\"url\":\"https://datacater.io\"}}"))
                .isEqualTo("{\"info\": {\"url\": \"https://datacater.io\", \"companyName\": \"DataCater\"}}");
        String input = "{ \"name\" : \"DataCater\" }";
        assertThat(transform("rename-key-json-structure", map(), input)).isSameAs(input);
    }

    @Test
    void leavesTheTextAsItIsWhenEitherNameIsMissing() {
        String input = "{ \"name\" : 1 }";
        assertThat(transform("rename-key-json-structure", map("oldKeyName", null, "newKeyName", null), input)).isEqualTo(input);
        assertThat(transform("rename-key-json-structure", map(), "not json")).isEqualTo("not json");
    }

    @Test
    void rejectsAConfigWithOnlyOneName() {
        assertThatThrownBy(() -> transform("rename-key-json-structure", map("oldKeyName", "name"), "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newKeyName");
    }

    @Test
    void replacesSubstringsOfKeysAtEveryDepthIncludingInsideArrays() {
        assertThat(transform("rename-key-json-structure", rename("name", "companyName"),
                "[{\"firstname\":1,\"x\":[{\"name\":2}]},\"name\",3]"))
                .isEqualTo("[{\"x\": [{\"companyName\": 2}], \"firstcompanyName\": 1}, \"name\", 3]");
    }

    @Test
    void aRenamedKeyOverwritesAnExistingOneInPlace() {
        assertThat(transform("rename-key-json-structure", rename("a", "b"), "{\"a\":1,\"b\":2}")).isEqualTo("{\"b\": 1}");
        assertThat(transform("rename-key-json-structure", rename("a", "b"), "{\"b\":2,\"c\":3,\"a\":1}"))
                .isEqualTo("{\"b\": 1, \"c\": 3}");
    }

    @Test
    void reserialisesLikePythonJsonDumpsEvenWithoutAMatch() {
        // json.dumps(json.loads(...)) in CPython 3.11
        assertThat(transform("rename-key-json-structure", rename("zzz", "y"),
                " {\"a\":1.0,\"b\":[1,2,{\"c\":1e400}], \"é\":\"ü😀\", \"n\":NaN, \"big\": 123456789012345678901234567890,"
                        + " \"f\": 1e16, \"g\": -0.0, \"t\": true, \"z\": null} "))
                .isEqualTo("{\"a\": 1.0, \"b\": [1, 2, {\"c\": Infinity}], \"\\u00e9\": \"\\u00fc\\ud83d\\ude00\", \"n\": NaN,"
                        + " \"big\": 123456789012345678901234567890, \"f\": 1e+16, \"g\": -0.0, \"t\": true, \"z\": null}");
        assertThat(transform("rename-key-json-structure", rename("a", "b"), "\"tab\\there\\u007f\"")).isEqualTo("\"tab\\there\\u007f\"");
        assertThat(transform("rename-key-json-structure", rename("a", "b"), "42")).isEqualTo("42");
        assertThat(transform("rename-key-json-structure", rename("a", "b"), "{}")).isEqualTo("{}");
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPositionAndLastValue() {
        assertThat(transform("rename-key-json-structure", rename("q", "r"), "{\"a\":1,\"b\":2,\"a\":3}")).isEqualTo("{\"a\": 3, \"b\": 2}");
    }

    @Test
    void invalidJsonIsADecodeError() {
        assertThat(recordError("JSONDecodeError", () -> transform("rename-key-json-structure", rename("a", "b"), "")))
                .startsWith("Expecting value");
        recordError("JSONDecodeError", () -> transform("rename-key-json-structure", rename("a", "b"), "{"));
        recordError("JSONDecodeError", () -> transform("rename-key-json-structure", rename("a", "b"), "{} x"));
        assertThat(recordError("JSONDecodeError", () -> transform("rename-key-json-structure", rename("a", "b"), "{} {}")))
                .startsWith("Extra data");
        recordError("JSONDecodeError", () -> transform("rename-key-json-structure", rename("a", "b"), "{'a': 1}"));
    }

    @Test
    void aNonStringValueIsATypeError() {
        assertThat(recordError("TypeError", () -> transform("rename-key-json-structure", rename("a", "b"), null)))
                .isEqualTo("the JSON object must be str, bytes or bytearray, not NoneType");
        assertThat(recordError("TypeError", () -> transform("rename-key-json-structure", rename("a", "b"), map("a", 1L))))
                .isEqualTo("the JSON object must be str, bytes or bytearray, not dict");
    }
}
