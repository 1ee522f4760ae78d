package io.datapipelines.runtime.python;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.datapipelines.runtime.codec.JsonCodec;
import io.datapipelines.runtime.step.RecordError;

import java.io.IOException;

/**
 * Values across the GraalPy boundary: the runtime's value model as JSON text, which the guest reads
 * with {@code json.loads} into real dicts and lists, and back. Not the sink's codec: here NaN and
 * Infinity pass (as Python's json module writes them), so that the sink, not the step, refuses them,
 * as with Jython; integers may have up to {@value #MAX_DIGITS} digits.
 */
final class JsonText {
    static final int MAX_DIGITS = 10_000;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_DIGITS).build());
    }

    private JsonText() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw RecordError.typeError("cannot pass the value to Python: " + e.getOriginalMessage());
        }
    }

    static Object read(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            // the runtime's one reader of JSON into values (integers Long or BigInteger, objects insertion-ordered)
            return JsonCodec.read(parser, parser.nextToken());
        } catch (IOException e) {
            throw RecordError.valueError("cannot read the value Python returned: " + e.getMessage());
        }
    }
}
