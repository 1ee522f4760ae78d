package io.jenkins.plugins.datapipelines;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The environment the CLI gets on top of the build's: credentials, so they never appear on a command line or in a
 * process listing's arguments (the command lines name these variables: {@link CliCommands}). It also knows which
 * of its values are secrets, so the step can mask them wherever the CLI's output goes.
 */
public final class CliEnvironment {
    public static final String REGISTRY_USERNAME = "DATAPIPELINES_REGISTRY_USERNAME";
    public static final String REGISTRY_PASSWORD = "DATAPIPELINES_REGISTRY_PASSWORD";
    public static final String KAFKA_USERNAME = "DATAPIPELINES_KAFKA_USERNAME";
    public static final String KAFKA_PASSWORD = "DATAPIPELINES_KAFKA_PASSWORD";

    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Set<String> secrets = new LinkedHashSet<>();

    public CliEnvironment registry(String username, String password) {
        return registry(username, password, false);
    }

    /** @param usernameSecret whether the credential marks its username secret (then it is masked like the password) */
    public CliEnvironment registry(String username, String password, boolean usernameSecret) {
        put(REGISTRY_USERNAME, username, usernameSecret);
        put(REGISTRY_PASSWORD, password, true);
        return this;
    }

    public CliEnvironment kafkaCredentials(String username, String password) {
        return kafkaCredentials(username, password, false);
    }

    /** @param usernameSecret whether the credential marks its username secret (then it is masked like the password) */
    public CliEnvironment kafkaCredentials(String username, String password, boolean usernameSecret) {
        put(KAFKA_USERNAME, username, usernameSecret);
        put(KAFKA_PASSWORD, password, true);
        return this;
    }

    private void put(String name, String value, boolean secret) {
        variables.put(name, value);
        if (secret && !value.isEmpty()) {
            secrets.add(value);
        }
    }

    /** The build's environment with these variables added (and overriding any of the same name). */
    public Map<String, String> applyTo(Map<String, String> buildEnvironment) {
        Map<String, String> merged = new LinkedHashMap<>(buildEnvironment);
        merged.putAll(variables);
        return merged;
    }

    public Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    /** Values that must never reach the build log. */
    public Set<String> secrets() {
        return Set.copyOf(secrets);
    }
}
