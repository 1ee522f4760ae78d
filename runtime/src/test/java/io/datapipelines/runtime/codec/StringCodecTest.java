package io.datapipelines.runtime.codec;

import io.datapipelines.runtime.step.RecordError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StringCodecTest {
    private static final StringCodec CODEC = StringCodec.INSTANCE;

    @Test
    void readsAsciiAndMultiByteUtf8() {
        assertThat(CODEC.decode("o-00000042".getBytes(StandardCharsets.US_ASCII))).isEqualTo("o-00000042");
        assertThat(CODEC.decode("caf\u00e9 \ud83d\ude00".getBytes(StandardCharsets.UTF_8))).isEqualTo("caf\u00e9 \ud83d\ude00");
        assertThat(CODEC.decode(new byte[0])).isEqualTo("");
        assertThat(CODEC.decode(null)).isNull();
    }

    @Test
    void refusesMalformedUtf8InsteadOfReplacingIt() {
        assertThatThrownBy(() -> CODEC.decode(new byte[] {'a', (byte) 0xc3}))
                .isInstanceOf(RecordError.class).hasMessage("the value is not valid UTF-8 text")
                .extracting(e -> ((RecordError) e).errorClass()).isEqualTo("UnicodeDecodeError");
        // Latin-1 "é" alone is not UTF-8: it must not pass as if it were ASCII
        assertThatThrownBy(() -> CODEC.decode(new byte[] {'c', 'a', 'f', (byte) 0xe9})).isInstanceOf(RecordError.class);
    }

    @Test
    void writesStringsAsUtf8AndRefusesOtherValues() {
        assertThat(CODEC.encode("\u00fcber")).isEqualTo("\u00fcber".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CODEC.encode(42L)).isInstanceOf(RecordError.class)
                .hasMessageContaining("the format is 'string', but the value is Long");
    }
}
