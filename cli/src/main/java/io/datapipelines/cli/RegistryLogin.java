package io.datapipelines.cli;

import io.datapipelines.image.RegistryCredentials;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry login options of {@code build}. Secrets are never flags themselves (they would show in
 * process lists and CI logs): flags name the environment variable or file that holds them. Without a flag for the
 * username or the password, {@code DATAPIPELINES_REGISTRY_USERNAME_FILE} and {@code DATAPIPELINES_REGISTRY_PASSWORD_FILE}
 * can name their files instead (what the Jenkins plugin sets in a container, where a command line is seen).
 */
final class RegistryLogin {
    @Option(names = "--registry-username", paramLabel = "USER", description = "The registry username.")
    String username;

    @Option(names = "--registry-username-env", paramLabel = "VAR", description = "An environment variable holding the username.")
    String usernameEnv;

    @Option(names = "--registry-username-file", paramLabel = "FILE",
            description = "A file holding the username (for a username that is itself a secret).")
    Path usernameFile;

    @Option(names = "--registry-password-env", paramLabel = "VAR",
            description = "An environment variable holding the password (or an access token used as one).")
    String passwordEnv;

    @Option(names = "--registry-password-file", paramLabel = "FILE", description = "A file holding the password (or access token).")
    Path passwordFile;

    @Option(names = "--registry-token-env", paramLabel = "VAR", description = "An environment variable holding an OAuth2 identity token.")
    String tokenEnv;

    @Option(names = "--registry-token-file", paramLabel = "FILE", description = "A file holding an OAuth2 identity token.")
    Path tokenFile;

    @Option(names = "--docker-config", paramLabel = "FILE",
            description = "A Docker config.json (auths, credHelpers, credsStore). Default: $DOCKER_CONFIG/config.json or ~/.docker/config.json.")
    Path dockerConfig;

    /** Names the file of the username when no {@code --registry-username[-env|-file]} is given (the {@code *_FILE} convention). */
    static final String USERNAME_FILE_VARIABLE = "DATAPIPELINES_REGISTRY_USERNAME_FILE";
    /** Names the file of the password when neither {@code --registry-password-env} nor {@code --registry-password-file} is given. */
    static final String PASSWORD_FILE_VARIABLE = "DATAPIPELINES_REGISTRY_PASSWORD_FILE";

    /**
     * The {@code DATAPIPELINES_REGISTRY_*_FILE} variables that stand in for the flags not given, with the file each
     * names: a flag wins over its variable, and a login of another kind on the command line (an identity token, a
     * Docker config) over both. Unset or empty variables are not there.
     */
    private Map<String, Path> fileVariables(Map<String, String> environment) {
        Map<String, Path> used = new LinkedHashMap<>();
        if (tokenEnv != null || tokenFile != null || dockerConfig != null) {
            return used;
        }
        Path usernameFromVariable = SecretFile.namedBy(environment, USERNAME_FILE_VARIABLE);
        if (username == null && usernameEnv == null && usernameFile == null && usernameFromVariable != null) {
            used.put(USERNAME_FILE_VARIABLE, usernameFromVariable);
        }
        Path passwordFromVariable = SecretFile.namedBy(environment, PASSWORD_FILE_VARIABLE);
        if (passwordEnv == null && passwordFile == null && passwordFromVariable != null) {
            used.put(PASSWORD_FILE_VARIABLE, passwordFromVariable);
        }
        return used;
    }

    /**
     * The environment variables these options name, and the {@code *_FILE} variables used: what code run on the way
     * (the definition's tests) must not see.
     */
    List<String> environmentVariables(Map<String, String> environment) {
        List<String> names = new ArrayList<>();
        for (String name : new String[] {usernameEnv, passwordEnv, tokenEnv}) {
            if (name != null) {
                names.add(name);
            }
        }
        names.addAll(fileVariables(environment).keySet());
        return List.copyOf(names);
    }

    /**
     * The credentials these options name, and the {@code DATAPIPELINES_REGISTRY_*_FILE} variables in
     * {@code environment} for the parts no option gives. @throws IllegalArgumentException naming what is missing or
     * contradictory, or the option or variable whose file cannot be used
     */
    RegistryCredentials credentials(Map<String, String> environment) {
        Map<String, Path> variables = fileVariables(environment);
        Path usernameFromVariable = variables.get(USERNAME_FILE_VARIABLE);
        Path passwordFromVariable = variables.get(PASSWORD_FILE_VARIABLE);
        boolean password = passwordEnv != null || passwordFile != null || passwordFromVariable != null;
        boolean token = tokenEnv != null || tokenFile != null;
        if (password && token) {
            throw new IllegalArgumentException("give a registry password or an identity token, not both");
        }
        if (passwordEnv != null && passwordFile != null || tokenEnv != null && tokenFile != null) {
            throw new IllegalArgumentException("give each registry secret once: from an environment variable or from a file");
        }
        if ((username != null ? 1 : 0) + (usernameEnv != null ? 1 : 0) + (usernameFile != null ? 1 : 0) > 1) {
            throw new IllegalArgumentException("give one of --registry-username, --registry-username-env and --registry-username-file");
        }
        String user = usernameEnv != null ? fromEnvironment(environment, usernameEnv, "--registry-username-env")
                : usernameFile != null ? SecretFile.stripped(usernameFile, "--registry-username-file")
                : usernameFromVariable != null ? SecretFile.stripped(usernameFromVariable, USERNAME_FILE_VARIABLE) : username;
        if (password) {
            if (user == null) {
                throw new IllegalArgumentException("a registry password needs a username: --registry-username, --registry-username-env "
                        + "or --registry-username-file (or " + USERNAME_FILE_VARIABLE + ")");
            }
            String secret = passwordEnv != null ? fromEnvironment(environment, passwordEnv, "--registry-password-env")
                    : passwordFile != null ? SecretFile.stripped(passwordFile, "--registry-password-file")
                    : SecretFile.stripped(passwordFromVariable, PASSWORD_FILE_VARIABLE);
            String source = passwordEnv != null ? "$" + passwordEnv
                    : passwordFile != null ? passwordFile.toString() : passwordFromVariable + " ($" + PASSWORD_FILE_VARIABLE + ")";
            return RegistryCredentials.usernamePassword(user, secret, source);
        }
        if (token) {
            String secret = tokenEnv != null ? fromEnvironment(environment, tokenEnv, "--registry-token-env")
                    : SecretFile.stripped(tokenFile, "--registry-token-file");
            return RegistryCredentials.identityToken(secret, tokenEnv != null ? "$" + tokenEnv : tokenFile.toString());
        }
        if (user != null) {
            throw new IllegalArgumentException("a registry username needs a password: --registry-password-env or --registry-password-file (or "
                    + PASSWORD_FILE_VARIABLE + ")");
        }
        if (dockerConfig != null) {
            if (!Files.isRegularFile(dockerConfig)) {
                throw new IllegalArgumentException("--docker-config " + dockerConfig + ": no such file");
            }
            return RegistryCredentials.dockerConfig(dockerConfig);
        }
        return RegistryCredentials.defaultDockerConfig();
    }

    private static String fromEnvironment(Map<String, String> environment, String name, String option) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " " + name + ": the environment variable is not set");
        }
        return value.strip();
    }
}
