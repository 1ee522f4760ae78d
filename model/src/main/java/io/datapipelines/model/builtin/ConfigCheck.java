package io.datapipelines.model.builtin;

import java.util.Map;

/**
 * Validates a built-in's config before the pipeline runs: whatever can be known from the definition
 * alone (a required parameter, a number that is not one, an unknown algorithm, a regular expression
 * that does not compile). Unknown parameter names are checked by the parser, not here.
 */
@FunctionalInterface
public interface ConfigCheck {

    ConfigCheck NONE = (config, problems) -> { };

    /** @param config plain Java values (see {@link io.datapipelines.model.FunctionRef}); never null */
    void check(Map<String, Object> config, ConfigProblems problems);
}
