package io.datapipelines.model.builtin;

/** Whether a built-in decides if a record goes on (filter) or changes it (transform). */
public enum Role {
    FILTER,
    TRANSFORM
}
