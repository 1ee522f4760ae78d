package io.datapipelines.model;

/** {@code spec.processing}. */
public record Processing(Guarantee guarantee) {
}
