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
    /** The Kubernetes clients' variable: only deploy may talk to the cluster. */
    public static final String KUBECONFIG = "KUBECONFIG";
    private static final Set<String> REGISTRY_LOGIN = Set.of(REGISTRY_USERNAME, REGISTRY_PASSWORD);
    private static final Set<String> KAFKA_LOGIN = Set.of(KAFKA_USERNAME, KAFKA_PASSWORD);

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

    /**
     * The environment one CLI command runs with: only the logins it needs. {@code build} gets the registry login (for
     * its push; the CLI runs the definition's tests in a child process without it), {@code deploy} the Kafka login
     * (for the pods' Secret) and the build's {@code KUBECONFIG}; everything else ({@code validate}, {@code test}),
     * which runs or compiles the definition's own code, none of them ({@code status}, which reads the cluster, its
     * {@code KUBECONFIG} only). Variables of the same names that the build's
     * environment had are removed too, so nothing reaches a command it is not meant for.
     */
    public Map<String, String> applyTo(Map<String, String> buildEnvironment, String command) {
        Map<String, String> merged = new LinkedHashMap<>(buildEnvironment);
        merged.keySet().removeAll(hiddenFrom(command));
        merged.putAll(variablesFor(command));
        return merged;
    }

    /** Of these variables, the ones {@code command} gets. */
    public Map<String, String> variablesFor(String command) {
        Set<String> names = switch (command) {
            case "build" -> REGISTRY_LOGIN;
            case "deploy" -> KAFKA_LOGIN;
            default -> Set.of();
        };
        Map<String, String> chosen = new LinkedHashMap<>(variables);
        chosen.keySet().retainAll(names);
        return chosen;
    }

    /** The variables a command must not find in its environment: every login it does not need, and the kubeconfig's. */
    public static Set<String> hiddenFrom(String command) {
        Set<String> hidden = new LinkedHashSet<>(REGISTRY_LOGIN);
        hidden.addAll(KAFKA_LOGIN);
        hidden.add(KUBECONFIG);
        if ("build".equals(command)) {
            hidden.removeAll(REGISTRY_LOGIN);
        } else if ("deploy".equals(command)) {
            hidden.removeAll(KAFKA_LOGIN);
            hidden.remove(KUBECONFIG); // the agent's own cluster access, when no kubeconfig credential is given
        } else if ("status".equals(command)) {
            hidden.remove(KUBECONFIG); // reads the cluster (a restarted step re-attaching to its rollout); runs no user code
        }
        return hidden;
    }

    public Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    /** Values that must never reach the build log. */
    public Set<String> secrets() {
        return Set.copyOf(secrets);
    }
}
