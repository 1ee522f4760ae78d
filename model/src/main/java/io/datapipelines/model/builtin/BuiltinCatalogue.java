package io.datapipelines.model.builtin;

import static io.datapipelines.model.builtin.ConfigChecks.allOf;
import static io.datapipelines.model.builtin.ConfigChecks.integer;
import static io.datapipelines.model.builtin.ConfigChecks.number;
import static io.datapipelines.model.builtin.ConfigChecks.oneOf;
import static io.datapipelines.model.builtin.ConfigChecks.optionalString;
import static io.datapipelines.model.builtin.ConfigChecks.regex;
import static io.datapipelines.model.builtin.ConfigChecks.requiredName;
import static io.datapipelines.model.builtin.ConfigChecks.separator;
import static io.datapipelines.model.builtin.ConfigChecks.together;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 12 filters and 35 transforms a definition can name, with DataCater's keys and config parameter names
 * (builtin-catalogue.md §2 and §3), and what can be checked about their configs before the pipeline runs
 * (definition-format.md, rule 5).
 */
public final class BuiltinCatalogue {

    /** The options of {@code hash.algorithm}; absent or null means sha1. */
    public static final List<String> HASH_ALGORITHMS = List.of("sha1", "sha256", "sha512");
    /** The options of {@code cast-data-type.toDataType}; absent or null means string. */
    public static final List<String> DATA_TYPES = List.of("boolean", "double", "float", "int", "long", "string");

    private static final Map<String, BuiltinSpec> SPECS = build();

    private BuiltinCatalogue() {
    }

    /** The built-in with this key, if there is one. */
    public static Optional<BuiltinSpec> find(String key) {
        return Optional.ofNullable(SPECS.get(key));
    }

    /** All 47 built-ins: the filters, then the transforms, in the order of builtin-catalogue.md. */
    public static List<BuiltinSpec> all() {
        return List.copyOf(SPECS.values());
    }

    private static Map<String, BuiltinSpec> build() {
        List<Draft> specs = new ArrayList<>();

        // Filters. Comparisons accept any value: whether it converts depends on the field's type (record data).
        specs.add(filter("contain", "value"));
        specs.add(filter("empty"));
        specs.add(filter("end-with", "value").check(optionalString("value")));
        specs.add(filter("equal", "value"));
        specs.add(filter("greater-than", "value"));
        specs.add(filter("less-than", "value"));
        specs.add(filter("not-empty"));
        specs.add(filter("not-equal", "value"));
        specs.add(filter("reg-exp", "value").check(regex("value")));
        specs.add(filter("start-with", "value").check(optionalString("value")));
        specs.add(python(StepKind.FIELD, Role.FILTER, "user-defined-filter"));
        specs.add(python(StepKind.RECORD, Role.FILTER, "user-defined-record-filter"));

        // Transforms.
        specs.add(transform("add", "value").check(number("value", false)));
        specs.add(transform("add-field", "fieldName").check(optionalString("fieldName")));
        specs.add(transform("append-field", "fieldName").check(optionalString("fieldName")));
        specs.add(transform("append", "value").check(optionalString("value")));
        specs.add(transform("capitalize"));
        specs.add(transform("cast-data-type", "toDataType").post().check(oneOf("toDataType", DATA_TYPES)));
        specs.add(transform("ceil"));
        specs.add(transform("divide", "value").check(number("value", true)));
        specs.add(transform("divide-field", "fieldName").check(optionalString("fieldName")));
        specs.add(transform("drop-field").post());
        specs.add(transform("floor"));
        specs.add(transform("hash", "algorithm").check(oneOf("algorithm", HASH_ALGORITHMS)));
        specs.add(transform("lowercase"));
        specs.add(transform("modulo", "value").check(number("value", true)));
        specs.add(transform("modulo-field", "fieldName").check(optionalString("fieldName")));
        specs.add(transform("multiply", "value").check(number("value", false)));
        specs.add(transform("multiply-field", "fieldName").check(optionalString("fieldName")));
        specs.add(transform("new-field", "defaultValue").post());
        specs.add(transform("prepend-field", "fieldName").check(optionalString("fieldName")));
        specs.add(transform("prepend-value", "value").check(optionalString("value")));
        specs.add(transform("remove-punctuation"));
        specs.add(transform("rename-field", "newFieldName").post()
                .check(requiredName("newFieldName", "the field's new name")));
        specs.add(transform("rename-key-json-structure", "oldKeyName", "newKeyName").check(allOf(
                optionalString("oldKeyName"), optionalString("newKeyName"), together("oldKeyName", "newKeyName"))));
        specs.add(transform("replace-constant", "value"));
        specs.add(transform("replace-field", "fieldName").check(optionalString("fieldName")));
        specs.add(transform("round", "precision").check(integer("precision", false)));
        specs.add(transform("subtract", "value").check(number("value", false)));
        specs.add(transform("subtract-field", "fieldName").check(optionalString("fieldName")));
        specs.add(transform("tokenize", "token").check(separator("token", true)));
        specs.add(transform("trim"));
        specs.add(transform("truncate-characters", "characters").check(integer("characters", true)));
        specs.add(transform("truncate-words", "words", "token").check(allOf(
                integer("words", true), separator("token", false))));
        specs.add(transform("uppercase"));
        specs.add(python(StepKind.RECORD, Role.TRANSFORM, "user-defined-record-transformation"));
        specs.add(python(StepKind.FIELD, Role.TRANSFORM, "user-defined-transformation"));

        Map<String, BuiltinSpec> byKey = new LinkedHashMap<>();
        for (Draft draft : specs) {
            if (byKey.put(draft.key, draft.build()) != null) {
                throw new IllegalStateException("duplicate built-in key " + draft.key);
            }
        }
        return Collections.unmodifiableMap(byKey);
    }

    private static Draft filter(String key, String... parameters) {
        return new Draft(key, StepKind.FIELD, Role.FILTER, parameters);
    }

    private static Draft transform(String key, String... parameters) {
        return new Draft(key, StepKind.FIELD, Role.TRANSFORM, parameters);
    }

    /** The four user-defined keys; their code is checked by {@link io.datapipelines.model.PythonChecker}. */
    private static Draft python(StepKind kind, Role role, String key) {
        return new Draft(key, kind, role, new String[] {"code"}).check(optionalString("code"));
    }

    /** A spec being put together; specs without a config check get {@link ConfigCheck#NONE}. */
    private static final class Draft {
        private final String key;
        private final StepKind kind;
        private final Role role;
        private final List<String> parameters;
        private boolean post;
        private ConfigCheck check = ConfigCheck.NONE;

        Draft(String key, StepKind kind, Role role, String[] parameters) {
            this.key = key;
            this.kind = kind;
            this.role = role;
            this.parameters = List.of(parameters);
        }

        Draft post() {
            this.post = true;
            return this;
        }

        Draft check(ConfigCheck check) {
            this.check = check;
            return this;
        }

        BuiltinSpec build() {
            return new BuiltinSpec(key, kind, role, post, parameters, check);
        }
    }
}
