package io.datapipelines.runtime.codec;

import io.datapipelines.runtime.step.RecordError;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 text. Malformed bytes are a record error rather than silently replaced characters. */
public final class StringCodec implements RecordCodec {
    public static final StringCodec INSTANCE = new StringCodec();

    private StringCodec() {
    }

    @Override
    public Object decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (isAscii(bytes)) {
            // most keys and many values: ASCII is valid UTF-8 as it is, and Latin-1 decoding makes it a compact string directly
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RecordError("UnicodeDecodeError", "the value is not valid UTF-8 text");
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public byte[] encode(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw RecordError.typeError("the format is 'string', but the value is " + value.getClass().getSimpleName()
                    + "; convert it to a string in a step, or use format 'json'");
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
