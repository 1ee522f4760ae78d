package io.datapipelines.model;

/** One entry of {@code spec.steps}: a {@link FieldStep} or a {@link RecordStep}. */
public sealed interface Step permits FieldStep, RecordStep {

    /** The optional, human-readable name. */
    String name();

    /** Where the step starts in the definition, for run-time messages. */
    Location location();
}
