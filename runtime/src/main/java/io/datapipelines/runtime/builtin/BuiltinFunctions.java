package io.datapipelines.runtime.builtin;

import static java.util.Map.entry;

import io.datapipelines.model.builtin.BuiltinCatalogue;
import io.datapipelines.model.builtin.BuiltinSpec;
import io.datapipelines.runtime.builtin.PythonArithmetic.Operator;
import io.datapipelines.runtime.step.FieldFilter;
import io.datapipelines.runtime.step.FieldTransform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The built-in filters and transforms of field steps that run as Java code: every key of the catalogue except
 * the four user-defined (Python) ones and drop-field and rename-field, which the step engine applies itself.
 * A function is made once per step from its config and then called for every record.
 */
public final class BuiltinFunctions {

    private static final Set<String> ENGINE_TRANSFORMS = Set.of("drop-field", "rename-field");

    private static final Map<String, Function<Config, FieldFilter>> FILTERS = Map.ofEntries(
            entry("contain", TextFilters::contain),
            entry("empty", PresenceFilters::empty),
            entry("end-with", TextFilters::endWith),
            entry("equal", ComparisonFilters::equal),
            entry("greater-than", ComparisonFilters::greaterThan),
            entry("less-than", ComparisonFilters::lessThan),
            entry("not-empty", PresenceFilters::notEmpty),
            entry("not-equal", ComparisonFilters::notEqual),
            entry("reg-exp", TextFilters::regExp),
            entry("start-with", TextFilters::startWith));

    private static final Map<String, Function<Config, FieldTransform>> TRANSFORMS = Map.ofEntries(
            entry("add", config -> OperatorTransforms.withNumber(Operator.ADD, config)),
            entry("subtract", config -> OperatorTransforms.withNumber(Operator.SUBTRACT, config)),
            entry("multiply", config -> OperatorTransforms.withNumber(Operator.MULTIPLY, config)),
            entry("divide", config -> OperatorTransforms.withNumber(Operator.TRUE_DIVIDE, config)),
            entry("modulo", config -> OperatorTransforms.withNumber(Operator.MODULO, config)),
            entry("add-field", config -> OperatorTransforms.withField(Operator.ADD, config, false)),
            entry("subtract-field", config -> OperatorTransforms.withField(Operator.SUBTRACT, config, false)),
            entry("multiply-field", config -> OperatorTransforms.withField(Operator.MULTIPLY, config, false)),
            entry("divide-field", config -> OperatorTransforms.withField(Operator.TRUE_DIVIDE, config, false)),
            entry("modulo-field", config -> OperatorTransforms.withField(Operator.MODULO, config, false)),
            entry("append-field", config -> OperatorTransforms.withField(Operator.ADD, config, false)),
            entry("prepend-field", config -> OperatorTransforms.withField(Operator.ADD, config, true)),
            entry("append", config -> OperatorTransforms.withConstant(Operator.ADD, config, false)),
            entry("prepend-value", config -> OperatorTransforms.withConstant(Operator.ADD, config, true)),
            entry("round", RoundingTransforms::round),
            entry("ceil", RoundingTransforms::ceil),
            entry("floor", RoundingTransforms::floor),
            entry("capitalize", TextTransforms::capitalize),
            entry("lowercase", TextTransforms::lowercase),
            entry("uppercase", TextTransforms::uppercase),
            entry("trim", TextTransforms::trim),
            entry("remove-punctuation", TextTransforms::removePunctuation),
            entry("hash", TextTransforms::hash),
            entry("tokenize", SplitTransforms::tokenize),
            entry("truncate-characters", SplitTransforms::truncateCharacters),
            entry("truncate-words", SplitTransforms::truncateWords),
            entry("cast-data-type", CastTransform::castDataType),
            entry("new-field", ValueTransforms::newField),
            entry("replace-constant", ValueTransforms::replaceConstant),
            entry("replace-field", ValueTransforms::replaceField),
            entry("rename-key-json-structure", JsonKeyRenameTransform::renameKeyJsonStructure));

    private BuiltinFunctions() {
    }

    /** The keys {@link #fieldFilter} accepts. */
    public static Set<String> fieldFilterKeys() {
        return FILTERS.keySet();
    }

    /** The keys {@link #fieldTransform} accepts. */
    public static Set<String> fieldTransformKeys() {
        return TRANSFORMS.keySet();
    }

    /**
     * The field filter for a built-in key.
     *
     * @param config the step's config (plain Java values), already validated by the catalogue's check
     * @throws IllegalArgumentException for a key that is not a Java field filter, or a config the catalogue rejects
     */
    public static FieldFilter fieldFilter(String key, Map<String, Object> config) {
        return create(FILTERS, "field filter", key, config);
    }

    /**
     * The field transform for a built-in key (not drop-field or rename-field: the step engine applies those).
     *
     * @param config the step's config (plain Java values), already validated by the catalogue's check
     * @throws IllegalArgumentException for a key that is not a Java field transform, or a config the catalogue rejects
     */
    public static FieldTransform fieldTransform(String key, Map<String, Object> config) {
        if (ENGINE_TRANSFORMS.contains(key)) {
            throw new IllegalArgumentException(key + " is applied by the step engine, not by a FieldTransform");
        }
        return create(TRANSFORMS, "field transform", key, config);
    }

    private static <T> T create(Map<String, Function<Config, T>> factories, String what, String key, Map<String, Object> config) {
        Objects.requireNonNull(config, "config");
        Function<Config, T> factory = factories.get(key);
        if (factory == null) {
            throw new IllegalArgumentException("no built-in " + what + " with key " + key);
        }
        check(key, config);
        // A snapshot: the function must not change if the caller's map does later.
        return factory.apply(new Config(new LinkedHashMap<>(config)));
    }

    /**
     * Definitions are checked when parsed; checking again here keeps a caller that skipped that (a test, a tool)
     * from getting a function that silently misreads its config.
     */
    private static void check(String key, Map<String, Object> config) {
        BuiltinSpec spec = BuiltinCatalogue.find(key).orElseThrow();
        List<String> problems = new ArrayList<>();
        for (String name : config.keySet()) {
            if (!spec.parameters().contains(name)) {
                problems.add(name + ": is not a parameter of " + key + " (it has " + spec.parameters() + ")");
            }
        }
        spec.check().check(config, (parameter, message) -> problems.add((parameter == null ? "" : parameter + ": ") + message));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid config for " + key + ": " + String.join("; ", problems));
        }
    }
}
