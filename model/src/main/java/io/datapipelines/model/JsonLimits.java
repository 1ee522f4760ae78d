package io.datapipelines.model;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * The limits on one JSON document read from data nobody controls: a Kafka record's key or value, a line of
 * an NDJSON input file. One place for the numbers, so the runtime, {@code test}, {@code preview} and
 * {@code run --input} refuse the same documents; docs/runtime.md and docs/definition-format.md state them.
 *
 * <p>Why limits at all: a record nested a million levels deep, or an integer of a million digits, costs
 * stack or quadratic time to read and convert; past these limits it is that record's
 * {@code JSONDecodeError} instead. Explicit numbers, so that a Jackson upgrade cannot move them.
 */
public final class JsonLimits {
    /** Arrays and objects inside one another; Python's json module stops near 1000 (its recursion limit). */
    public static final int MAX_NESTING_DEPTH = 500;
    /** Characters of one number literal (digits, sign, point and exponent): integers of up to 1000 digits. */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** Characters of one string (or object key). */
    public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
    /** Bytes of one document; Kafka's own default message limit is 1 MiB. */
    public static final long MAX_DOCUMENT_LENGTH = 16L * 1024 * 1024;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_STRING_LENGTH)
            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
            .build();

    private JsonLimits() {
    }

    /**
     * Which limit a document passed, in the words of docs/definition-format.md ("Limits"): "a number of more than
     * 1000 digits", "JSON nested more than 500 levels deep", "a string of more than ... characters" (Jackson's own
     * message names the limit by its Java getter).
     */
    public static String describe(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Number value length")) {
            return "a number of more than " + MAX_NUMBER_LENGTH + " digits";
        } else if (message.startsWith("Document nesting depth")) {
            return "JSON nested more than " + MAX_NESTING_DEPTH + " levels deep";
        } else if (message.startsWith("String value length") || message.startsWith("Name length")) {
            return "a string of more than " + MAX_STRING_LENGTH + " characters";
        } else if (message.startsWith("Document length")) {
            return "a document of more than " + MAX_DOCUMENT_LENGTH + " bytes";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).replaceAll(" \\(from `StreamReadConstraints[^)]*\\)", "");
    }

    /** The limits as Jackson read constraints, for {@code JsonFactory.builder().streamReadConstraints(...)}. */
    public static StreamReadConstraints streamReadConstraints() {
        return CONSTRAINTS;
    }
}
