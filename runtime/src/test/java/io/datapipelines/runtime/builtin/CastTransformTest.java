package io.datapipelines.runtime.builtin;

import static io.datapipelines.runtime.builtin.Builtins.list;
import static io.datapipelines.runtime.builtin.Builtins.map;
import static io.datapipelines.runtime.builtin.Builtins.recordError;
import static io.datapipelines.runtime.builtin.Builtins.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cast-data-type: catalogue §3 and §4.2. */
class CastTransformTest {

    private static Map<String, Object> to(String type) {
        return map("toDataType", type);
    }

    @Test
    void examplesFromTheReferenceTests() {
        assertThat(transform("cast-data-type", to("int"), "15")).isEqualTo(15L);
        assertThat(transform("cast-data-type", to("float"), "15.13")).isEqualTo(15.13);
        assertThat(transform("cast-data-type", to("boolean"), "True")).isEqualTo(true);
        assertThat(transform("cast-data-type", to("boolean"), "true")).isEqualTo(true);
        assertThat(transform("cast-data-type", to("boolean"), "False")).isEqualTo(false);
        assertThat(transform("cast-data-type", to("boolean"), "false")).isEqualTo(false);
        assertThat(transform("cast-data-type", to("string"), 15L)).isEqualTo("15");
        assertThat(transform("cast-data-type", to("string"), 15.13)).isEqualTo("15.13");
        assertThat(transform("cast-data-type", to("string"), true)).isEqualTo("True");
        assertThat(transform("cast-data-type", to("string"), false)).isEqualTo("False");
        assertThat(transform("cast-data-type", map(), 15L)).isEqualTo("15");
        assertThat(transform("cast-data-type", to("boolean"), 1L)).isEqualTo(true);
        assertThat(transform("cast-data-type", to("boolean"), 1.0)).isEqualTo(true);
        assertThat(transform("cast-data-type", to("boolean"), 0L)).isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"int", "long"})
    void intFollowsPythonInt(String type) {
        assertThat(transform("cast-data-type", to(type), " 15 ")).isEqualTo(15L);
        assertThat(transform("cast-data-type", to(type), "1_000")).isEqualTo(1000L);
        assertThat(transform("cast-data-type", to(type), 15.9)).isEqualTo(15L);
        assertThat(transform("cast-data-type", to(type), -15.9)).isEqualTo(-15L);
        assertThat(transform("cast-data-type", to(type), true)).isEqualTo(1L);
        assertThat(transform("cast-data-type", to(type), "123456789012345678901234567890"))
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(recordError("ValueError", () -> transform("cast-data-type", to(type), "15.5")))
                .isEqualTo("invalid literal for int() with base 10: '15.5'");
        recordError("TypeError", () -> transform("cast-data-type", to(type), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"float", "double"})
    void floatFollowsPythonFloat(String type) {
        assertThat(transform("cast-data-type", to(type), "1e3")).isEqualTo(1000.0);
        assertThat(transform("cast-data-type", to(type), " 1.5 ")).isEqualTo(1.5);
        assertThat(transform("cast-data-type", to(type), "inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat((Double) transform("cast-data-type", to(type), "nan")).isNaN();
        assertThat(transform("cast-data-type", to(type), 15L)).isEqualTo(15.0);
        recordError("TypeError", () -> transform("cast-data-type", to(type), null));
        recordError("ValueError", () -> transform("cast-data-type", to(type), "abc"));
    }

    @Test
    void booleanNeverFails() {
        for (Object falsy : new Object[] {null, "false", 0L, "Yes", "T", "Y", "", 2L, list(), map()}) {
            assertThat(transform("cast-data-type", to("boolean"), falsy)).as("%s", falsy).isEqualTo(false);
        }
        for (Object truthy : new Object[] {"t", "y", "yes", "1", "TRUE", true, BigInteger.ONE}) {
            assertThat(transform("cast-data-type", to("boolean"), truthy)).as("%s", truthy).isEqualTo(true);
        }
    }

    @Test
    void stringUsesPythonTextForms() {
        assertThat(transform("cast-data-type", to("string"), null)).isEqualTo("None");
        assertThat(transform("cast-data-type", to("string"), 15.0)).isEqualTo("15.0");
        assertThat(transform("cast-data-type", to("string"), 1e16)).isEqualTo("1e+16");
        assertThat(transform("cast-data-type", to("string"), map("a", 1L))).isEqualTo("{'a': 1}");
        assertThat(transform("cast-data-type", to("string"), list(1L, 2L))).isEqualTo("[1, 2]");
        assertThat(transform("cast-data-type", to(null), 15L)).isEqualTo("15");
    }

    @Test
    void unknownOrWrongCaseTypesAreRejectedInsteadOfFallingBackToString() {
        assertThatThrownBy(() -> transform("cast-data-type", to("Int"), "15")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transform("cast-data-type", to("str"), "15")).isInstanceOf(IllegalArgumentException.class);
    }
}
