package io.datapipelines.model;

/** {@code spec.errors}: the mode, and the dead-letter topic (always set; defaults to NAME-dlq). */
public record ErrorHandling(ErrorMode mode, String deadLetterTopic) {
}
