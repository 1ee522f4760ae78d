package io.datapipelines.model.builtin;

import java.util.List;

/**
 * What the definition parser knows of one built-in filter or transform.
 *
 * @param key        the key used in definitions, such as {@code hash}
 * @param kind       the kind of step it may be used in
 * @param role       filter or transform
 * @param post       for the four transforms applied in a field step's second pass
 *                   ({@code cast-data-type}, {@code drop-field}, {@code new-field}, {@code rename-field})
 * @param parameters every config parameter name it accepts
 * @param check      validation of the config's values
 */
public record BuiltinSpec(String key, StepKind kind, Role role, boolean post, List<String> parameters, ConfigCheck check) {
    public BuiltinSpec {
        parameters = List.copyOf(parameters);
    }

    /** The four user-defined keys run Python ({@code config.code}). */
    public boolean isPython() {
        return key.startsWith("user-defined-");
    }
}
