package io.datapipelines.runtime.python;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.datapipelines.model.JsonLimits;
import io.datapipelines.runtime.codec.JsonCodec;
import io.datapipelines.runtime.step.RecordError;

import java.io.IOException;

/**
 * Values across the GraalPy boundary: the runtime's value model as JSON text, which the guest reads
 * with {@code json.loads} into real dicts and lists, and back. Not the sink's codec: here NaN and
 * Infinity pass (as Python's json module writes them), so that the sink, not the step, refuses them,
 * as with Jython. What a step returns is held to the limits of record values ({@link JsonLimits}: numbers of
 * at most 1000 digits, nesting, string and document sizes), so that no pipeline writes a value the next one
 * (or this one, reading its own sink) would refuse.
 */
final class JsonText {
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(JsonLimits.streamReadConstraints()).build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

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
        } catch (StreamConstraintsException e) {
            throw RecordError.valueError("the value Python returned holds " + JsonLimits.describe(e) + ", the limit for record values");
        } catch (IOException e) {
            throw RecordError.valueError("cannot read the value Python returned: " + e.getMessage());
        }
    }
}
