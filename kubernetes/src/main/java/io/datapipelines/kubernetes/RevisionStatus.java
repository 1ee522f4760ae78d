package io.datapipelines.kubernetes;

import java.util.Locale;

/** The state of a revision in the history (Helm's words). */
public enum RevisionStatus {
    /** Applied without waiting for the rollout. */
    APPLIED,
    /** Applied and rolled out: every replica runs it. */
    DEPLOYED,
    /** Its rollout failed. */
    FAILED,
    /** A later revision replaced it. */
    SUPERSEDED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RevisionStatus of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
