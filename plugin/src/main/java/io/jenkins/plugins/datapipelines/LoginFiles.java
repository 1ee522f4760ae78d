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
 * {@code WORKSPACE@tmp}), written just before the command that needs it and deleted right after it; the command line
 * only names the files ({@code --registry-username-file FILE --registry-password-file FILE}) and the environment holds
 * nothing of the login. The definition's tests run as a command of their own before {@code build}, while no file
 * exists.
 */
final class LoginFiles implements Logins {
    private final Map<String, String> values;
    private final PrivateFiles files;
    /** The files written and not yet deleted: those of the command running now ({@link #removeFiles()}). */
    private final List<String> written = new ArrayList<>();

    /** @param logins the credentials' values ({@link CliEnvironment#variables()}) */
    LoginFiles(CliEnvironment logins, PrivateFiles files) {
        this.values = logins.variables();
        this.files = files;
    }

    @Override
    public LoginArguments forBuild() throws DeploymentFailure, IOException, InterruptedException {
        String username = values.get(CliEnvironment.REGISTRY_USERNAME);
        if (username == null) {
            return LoginArguments.files(null, null, null, null);
        }
        return LoginArguments.files(write(username), write(values.get(CliEnvironment.REGISTRY_PASSWORD)), null, null);
    }

    @Override
    public LoginArguments forDeploy() throws DeploymentFailure, IOException, InterruptedException {
        String username = values.get(CliEnvironment.KAFKA_USERNAME);
        if (username == null) {
            return LoginArguments.files(null, null, null, null);
        }
        return LoginArguments.files(null, null, write(username), write(values.get(CliEnvironment.KAFKA_PASSWORD)));
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
