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
    /**
     * The CLI's {@code *_FILE} variables: each names an owner-only file holding that part of a login, read by the CLI
     * when no option gives the part. The step sets them in a container only ({@link LoginFiles}), with the files' paths.
     */
    public static final String REGISTRY_USERNAME_FILE = "DATAPIPELINES_REGISTRY_USERNAME_FILE";
    public static final String REGISTRY_PASSWORD_FILE = "DATAPIPELINES_REGISTRY_PASSWORD_FILE";
    public static final String KAFKA_USERNAME_FILE = "DATAPIPELINES_KAFKA_USERNAME_FILE";
    public static final String KAFKA_PASSWORD_FILE = "DATAPIPELINES_KAFKA_PASSWORD_FILE";
    /** The Kubernetes clients' variable: only deploy may talk to the cluster. */
    public static final String KUBECONFIG = "KUBECONFIG";
    private static final Set<String> REGISTRY_LOGIN = Set.of(REGISTRY_USERNAME, REGISTRY_PASSWORD, REGISTRY_USERNAME_FILE, REGISTRY_PASSWORD_FILE);
    private static final Set<String> KAFKA_LOGIN = Set.of(KAFKA_USERNAME, KAFKA_PASSWORD, KAFKA_USERNAME_FILE, KAFKA_PASSWORD_FILE);
    /** The CLI reads these without any option naming them: none may come from the build's own environment. */
    private static final Set<String> LOGIN_FILES = Set.of(REGISTRY_USERNAME_FILE, REGISTRY_PASSWORD_FILE, KAFKA_USERNAME_FILE, KAFKA_PASSWORD_FILE);

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

    /**
     * Names the file that holds a part of a login ({@link #REGISTRY_USERNAME_FILE}...): the path only, never a secret.
     * Set for the one command that needs it, and taken back after it ({@link #withoutLoginFiles()}).
     */
    CliEnvironment loginFile(String variable, String path) {
        if (!LOGIN_FILES.contains(variable)) {
            throw new IllegalArgumentException(variable + " names no login file");
        }
        put(variable, path, false);
        return this;
    }

    /** Takes back every {@link #loginFile} variable: its file is gone, or about to be. */
    void withoutLoginFiles() {
        variables.keySet().removeAll(LOGIN_FILES);
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

    /**
     * The variables a command must not find in the build's environment: every login it does not need, and the
     * kubeconfig's; and for every command the login files' variables (the CLI reads them unasked, so only the step's
     * own, {@link #variablesFor}, may reach it: a stale one of the build's would log in where no credential is set).
     */
    public static Set<String> hiddenFrom(String command) {
        Set<String> hidden = new LinkedHashSet<>(REGISTRY_LOGIN);
        hidden.addAll(KAFKA_LOGIN);
        hidden.add(KUBECONFIG);
        if ("build".equals(command)) {
            hidden.removeAll(REGISTRY_LOGIN);
            hidden.addAll(LOGIN_FILES);
        } else if ("deploy".equals(command)) {
            hidden.removeAll(KAFKA_LOGIN);
            hidden.addAll(LOGIN_FILES);
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
