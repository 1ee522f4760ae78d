package io.datapipelines.runtime.codec;

import io.datapipelines.runtime.step.RecordError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The record codec reads and writes in one streaming pass; {@link JsonCodec#fromJson} and
 * {@link JsonCodec#toJson} go through Jackson's data binding and serve as the oracle: both paths must give
 * the same values, of the same types, and the same bytes.
 */
class JsonCodecTest {
    private static final JsonCodec CODEC = JsonCodec.INSTANCE;

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"o-00000001\",\"customer\":\"ada lovelace\",\"amount\":\"12.50\",\"items\":3,\"ts\":1764230400000,\"note\":\"x\"}",
        "{}", "[]", "\"text\"", "0", "-7", "9223372036854775807", "-9223372036854775808", "1.5", "-0.0", "1e400", "2.5E-3",
        "true", "false", "null", "NaN", "-Infinity", "Infinity",
        "{\"a\":[1,2.0,\"3\",null,true,{\"b\":[[],{}]}],\"c\":{\"d\":{\"e\":null}}}",
        "{\"z\":1,\"a\":2,\"m\":3}",
        "{\"k\":1,\"k\":2}",
        "{\"unicode\":\"\\u00fcber \\ud83d\\ude00 caf\u00e9\",\"escapes\":\"tab\\tnl\\n quote\\\" slash\\/ back\\\\\"}",
        "  {\"spaced\" : [ 1 , 2 ] }  ",
    })
    void readsWhatDataBindingReads(String json) throws Exception {
        Object streamed = CODEC.decode(json.getBytes(StandardCharsets.UTF_8));
        Object bound = JsonCodec.fromJson(json);
        assertThat(streamed).isEqualTo(bound);
        assertThat(typesOf(streamed)).isEqualTo(typesOf(bound));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"o-00000001\",\"customer\":\"ada lovelace\",\"amount\":12.5,\"items\":3,\"ts\":1764230400000}",
        "{\"a\":[1,2.0,\"3\",null,true,{\"b\":[[],{}]}],\"c\":{\"d\":{\"e\":null}}}",
        "{\"unicode\":\"\\u00fcber caf\u00e9 \u20ac\",\"control\":\"\\u0001\\t\\n\\r\",\"slash\":\"/\\\\\"}",
        "[1e300,-0.0,0.1,100.0,1.0E-7,123456789.125]", "\"only a string\"", "42",
    })
    void writesWhatDataBindingWrites(String json) throws Exception {
        Object value = JsonCodec.fromJson(json);
        assertThat(new String(CODEC.encode(value), StandardCharsets.UTF_8)).isEqualTo(JsonCodec.toJson(value));
    }

    @Test
    void writesCharactersOutsideTheBasicPlaneAsEscapedSurrogatesAsJacksonsByteWriterDoes() throws Exception {
        Object value = JsonCodec.fromJson("{\"emoji\":\"\\ud83d\\ude00\"}");
        byte[] bytes = CODEC.encode(value);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"emoji\":\"\\uD83D\\uDE00\"}");
        assertThat(CODEC.decode(bytes)).isEqualTo(value);
    }

    @Test
    void keepsTheFirstPlaceAndTheLastValueOfARepeatedKeyLikePython() {
        Object value = CODEC.decode("{\"a\":1,\"b\":2,\"a\":3}".getBytes(StandardCharsets.UTF_8));
        assertThat(value).isInstanceOf(LinkedHashMap.class);
        assertThat(new ArrayList<Object>(((Map<?, ?>) value).keySet())).containsExactly("a", "b");
        assertThat(((Map<?, ?>) value).get("a")).isEqualTo(3L);
    }

    @Test
    void readsIntegersPastLongAsBigIntegerLikePython() {
        assertThat(CODEC.decode("[123456789012345678901234567890,-9223372036854775809]".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(List.of(new BigInteger("123456789012345678901234567890"), new BigInteger("-9223372036854775809")));
        assertThat(new String(CODEC.encode(List.of(BigInteger.TWO.pow(70))), StandardCharsets.UTF_8)).isEqualTo("[1180591620717411303424]");
    }

    @Test
    void wordsUnreadableBytesAsDataBindingDoes() {
        assertThatThrownBy(() -> CODEC.decode("{\"a\":1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RecordError.class)
                .hasMessageStartingWith("the value is not valid JSON: Unexpected end-of-input: expected close marker for Object");
        assertThatThrownBy(() -> CODEC.decode("{\"a\":1} {}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RecordError.class)
                .hasMessageContaining("Trailing token (of type START_OBJECT) found after value");
        assertThatThrownBy(() -> CODEC.decode("  ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RecordError.class)
                .hasMessageContaining("No content to map due to end-of-input");
        assertThatThrownBy(() -> CODEC.decode("{'a':1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RecordError.class)
                .hasMessageContaining("Unexpected character (''' (code 39))")
                .hasMessageEndingWith("(at byte 1)")
                .extracting(e -> ((RecordError) e).errorClass()).isEqualTo("JSONDecodeError");
        assertThatThrownBy(() -> CODEC.decode(new byte[] {'"', (byte) 0xff, '"'}))
                .isInstanceOf(RecordError.class)
                .hasMessageContaining("Invalid UTF-8 start byte 0xff");
    }

    @Test
    void refusesWhatStrictJsonCannotCarryWithPythonsMessages() {
        Map<String, Object> nan = new LinkedHashMap<>();
        nan.put("ok", 1L);
        nan.put("bad", List.of(Double.NaN));
        assertThatThrownBy(() -> CODEC.encode(nan)).isInstanceOf(RecordError.class)
                .hasMessage("Out of range float values are not JSON compliant: NaN")
                .extracting(e -> ((RecordError) e).errorClass()).isEqualTo("ValueError");
        assertThatThrownBy(() -> CODEC.encode(List.of(Double.NEGATIVE_INFINITY)))
                .hasMessage("Out of range float values are not JSON compliant: -Infinity");
        assertThatThrownBy(() -> CODEC.encode(Map.of(1L, "x"))).hasMessage("keys must be str, not Long");
        Map<String, Object> nullKey = new TreeMap<>((a, b) -> a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b));
        nullKey.put(null, "x");
        assertThatThrownBy(() -> CODEC.encode(nullKey)).hasMessage("keys must be str, not NoneType");
        assertThatThrownBy(() -> CODEC.encode(List.of(new Object()))).isInstanceOf(RecordError.class)
                .hasMessage("Object of type Object is not JSON serializable")
                .extracting(e -> ((RecordError) e).errorClass()).isEqualTo("TypeError");
    }

    @Test
    void writesEachValueOnItsOwnAfterOthersAndAfterAValueItRefused() {
        assertThat(new String(CODEC.encode(Map.of("a", 1L)), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(new String(CODEC.encode(List.of("b")), StandardCharsets.UTF_8)).isEqualTo("[\"b\"]");
        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("inner", new LinkedHashMap<>(Map.of("list", List.of(1L, Double.POSITIVE_INFINITY))));
        assertThatThrownBy(() -> CODEC.encode(refused)).isInstanceOf(RecordError.class);
        // the writer stopped two levels deep: the next record must not continue that value
        assertThat(new String(CODEC.encode(Map.of("c", true)), StandardCharsets.UTF_8)).isEqualTo("{\"c\":true}");
        assertThat(new String(CODEC.encode("x".repeat(10_000)), StandardCharsets.UTF_8)).hasSize(10_002);
        assertThat(new String(CODEC.encode(7L), StandardCharsets.UTF_8)).isEqualTo("7");
    }

    @Test
    void writesNullAsNoValueAndNestedNullsAsJsonNull() {
        assertThat(CODEC.encode(null)).isNull();
        assertThat(CODEC.decode(null)).isNull();
        assertThat(new String(CODEC.encode(Arrays.asList(null, 1, true)), StandardCharsets.UTF_8)).isEqualTo("[null,1,true]");
    }

    /** The value's shape with each leaf replaced by its class, so that 1 (Long) and 1.0 (Double) differ. */
    private static Object typesOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> types = new LinkedHashMap<>();
            map.forEach((k, v) -> types.put(k, typesOf(v)));
            return List.of(value.getClass(), types);
        } else if (value instanceof List<?> list) {
            List<Object> types = new ArrayList<>();
            list.forEach(v -> types.add(typesOf(v)));
            return List.of(value.getClass(), types);
        }
        return value == null ? "null" : value.getClass();
    }
}
