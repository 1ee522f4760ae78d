package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The logins in a container ({@code docker.inside}, {@code container()}), where the environment is no place for a
 * secret: docker-workflow puts every variable on its {@code docker exec ... env NAME=VALUE} command line. Each part of a
 * login, the username as well as the password, goes into an owner-only file of its own ({@link PrivateFiles}, under
 * {@code WORKSPACE@tmp}), written just before the command that needs it and deleted right after it. The command line
 * has nothing of the login, not even the files' names: the command's environment names them, as the CLI's
 * {@code *_FILE} variables ({@code DATAPIPELINES_REGISTRY_USERNAME_FILE=PATH DATAPIPELINES_REGISTRY_PASSWORD_FILE=PATH}
 * for {@code build}, {@code DATAPIPELINES_KAFKA_*_FILE} for {@code deploy}: {@link #environment()}), paths and
 * nothing else. The definition's tests run as a command of their own before {@code build}, while no file exists.
 */
final class LoginFiles implements Logins {
    private final Map<String, String> values;
    private final PrivateFiles files;
    /** The processes' environment in the container: the variables naming the files of the command running now. */
    private final CliEnvironment environment = new CliEnvironment();
    /** The files written and not yet deleted: those of the command running now ({@link #removeFiles()}). */
    private final List<String> written = new ArrayList<>();

    /** @param logins the credentials' values ({@link CliEnvironment#variables()}) */
    LoginFiles(CliEnvironment logins, PrivateFiles files) {
        this.values = logins.variables();
        this.files = files;
    }

    /**
     * The environment the CLI's processes get in the container ({@link CliLauncher}): no login, only the variables
     * naming the files of the command running now, set by {@link #forBuild()} and {@link #forDeploy()} and taken back by
     * {@link #removeFiles()}; each command gets only its own ({@link CliEnvironment#variablesFor}).
     */
    CliEnvironment environment() {
        return environment;
    }

    @Override
    public LoginArguments forBuild() throws DeploymentFailure, IOException, InterruptedException {
        return inFiles(CliEnvironment.REGISTRY_USERNAME, CliEnvironment.REGISTRY_PASSWORD,
                CliEnvironment.REGISTRY_USERNAME_FILE, CliEnvironment.REGISTRY_PASSWORD_FILE);
    }

    @Override
    public LoginArguments forDeploy() throws DeploymentFailure, IOException, InterruptedException {
        return inFiles(CliEnvironment.KAFKA_USERNAME, CliEnvironment.KAFKA_PASSWORD,
                CliEnvironment.KAFKA_USERNAME_FILE, CliEnvironment.KAFKA_PASSWORD_FILE);
    }

    /** One login (when the step has it) in two files, named by the command's environment. */
    private LoginArguments inFiles(String username, String password, String usernameFile, String passwordFile)
            throws DeploymentFailure, IOException, InterruptedException {
        String user = values.get(username);
        if (user != null) {
            environment.loginFile(usernameFile, write(user)).loginFile(passwordFile, write(values.get(password)));
        }
        return LoginArguments.FILES;
    }

    private String write(@CheckForNull String secret) throws DeploymentFailure, IOException, InterruptedException {
        String path = files.write("datapipelines-login", ".txt", (secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8));
        written.add(path);
        return path;
    }

    /**
     * Deletes every file written so far, also when deleting one of them fails (that one stays listed, and is tried again
     * by the next call: the deployment's end calls it once more, {@link DeploymentCredentials#close()}).
     */
    @Override
    public void removeFiles() throws IOException, InterruptedException {
        environment.withoutLoginFiles();
        IOException failure = null;
        for (Iterator<String> paths = written.iterator(); paths.hasNext(); ) {
            String path = paths.next();
            try {
                files.delete(path);
                paths.remove();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean testsSeparately() {
        return true;
    }
}
