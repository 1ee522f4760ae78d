package io.datapipelines.model;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The limits on a JSON document read from data: a record value or key in the runtime, a line of an
 * NDJSON input file in the CLI. One place, so that what {@code preview} accepts is what the pipeline
 * accepts, and so that docs/definition-format.md can state them once.
 *
 * <p>The numbers are Jackson's own defaults made explicit (so a Jackson upgrade cannot move them):
 * large enough for any sane record, small enough that one record costs bounded time and memory
 * (a 1000-digit integer converts in microseconds; conversion of a 1,000,000-digit one is quadratic).
 */
public final class JsonLimits {
    /** Objects and arrays nested at most this deep. */
    public static final int MAX_NESTING_DEPTH = 1000;
    /** Digits (with sign, point and exponent) in one number: integers of up to 1000 digits. */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** Characters in one string. */
    public static final int MAX_STRING_LENGTH = 20_000_000;
    /** Bytes (or characters) in one document. */
    public static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
            .build();

    private JsonLimits() {
    }

    /** The limits as Jackson read constraints, for {@code JsonFactory.builder().streamReadConstraints(...)}. */
    public static StreamReadConstraints streamReadConstraints() {
        return CONSTRAINTS;
    }
}
