package io.datapipelines.runtime.diff;

/** What a new revision did to one input record, compared with the old one. */
public enum Outcome {
    /** The same sink records (keys, values and headers), or a record error in both. */
    UNCHANGED("unchanged", "unchanged"),
    /** Sink records in both, but different: see the field-level changes. */
    CHANGED("changed", "changed"),
    /** The old revision wrote to the sink; the new one writes nothing (it filters the record out). */
    DROPPED("dropped", "dropped by NEW"),
    /** The old revision wrote nothing; the new one writes to the sink. */
    ONLY_IN_NEW("onlyInNew", "emitted only by NEW"),
    /** A record error (dead letter, skipped or stopped) in the new revision only. */
    NEW_DEAD_LETTER("newDeadLetter", "new dead letter"),
    /** A record error in the old revision only: the new one handles the record. */
    DEAD_LETTER_FIXED("deadLetterFixed", "dead letter fixed");

    private final String jsonName;
    private final String label;

    Outcome(String jsonName, String label) {
        this.jsonName = jsonName;
        this.label = label;
    }

    /** The name in JSON reports. */
    public String jsonName() {
        return jsonName;
    }

    /** The words in human reports. */
    public String label() {
        return label;
    }

    /** True for the outcomes that change what consumers of the sink receive (counted by the changed rate). */
    public boolean altersSink() {
        return this == CHANGED || this == DROPPED || this == ONLY_IN_NEW;
    }
}
