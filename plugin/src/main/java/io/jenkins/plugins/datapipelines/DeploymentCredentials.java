package io.jenkins.plugins.datapipelines;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.model.Run;
import hudson.slaves.WorkspaceList;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

import java.io.IOException;
import java.io.InputStream;

/**
 * The credentials a deployment uses, looked up for the build (so folder credentials and the build's identity
 * count) and tracked on it. On an agent the registry and Kafka logins go into the environment of the CLI commands that
 * need them ({@link CliEnvironment#applyTo(java.util.Map, String)}); in a container, where the environment is on a
 * command line, into owner-only files ({@link LoginFiles}) that the environment names by path. The kubeconfig goes
 * into an owner-only file next to the workspace, written just before deploy. Every such file is deleted when the deployment ends ({@link #close()}).
 */
final class DeploymentCredentials implements AutoCloseable {
    private final CliEnvironment environment;
    private final PrivateFiles files;
    private final @CheckForNull FileCredentials kubeconfigCredentials;
    /** The container's login files, once {@link #logins} made them: whatever is left of them goes at {@link #close()}. */
    private @CheckForNull LoginFiles loginFiles;
    /** Written only when deploy asks for it ({@link #kubeconfig()}), deleted by {@link #close()}. */
    private @CheckForNull String kubeconfig;

    /** @param files where the secrets' files go (the workspace's {@code @tmp} on the agent: {@link #resolve}) */
    DeploymentCredentials(CliEnvironment environment, PrivateFiles files, @CheckForNull FileCredentials kubeconfigCredentials) {
        this.environment = environment;
        this.files = files;
        this.kubeconfigCredentials = kubeconfigCredentials;
    }

    static DeploymentCredentials resolve(Run<?, ?> run, FilePath workspace, DeploySettings settings)
            throws DeploymentFailure, IOException, InterruptedException {
        CliEnvironment environment = new CliEnvironment();
        if (settings.registryCredentialsId() != null) {
            StandardUsernamePasswordCredentials registry = find(run, settings.registryCredentialsId(), StandardUsernamePasswordCredentials.class,
                    "registryCredentialsId", Messages.DeploymentCredentials_UsernamePassword());
            environment.registry(registry.getUsername(), Secret.toString(registry.getPassword()), registry.isUsernameSecret());
        }
        if (settings.kafkaCredentialsId() != null) {
            StandardUsernamePasswordCredentials kafka = find(run, settings.kafkaCredentialsId(), StandardUsernamePasswordCredentials.class,
                    "kafkaCredentialsId", Messages.DeploymentCredentials_UsernamePassword());
            environment.kafkaCredentials(kafka.getUsername(), Secret.toString(kafka.getPassword()), kafka.isUsernameSecret());
        }
        FileCredentials kubeconfig = null;
        if (settings.kubeconfigCredentialsId() != null) {
            // Looked up now (a missing credential fails the step before anything runs), written only for deploy.
            kubeconfig = find(run, settings.kubeconfigCredentialsId(), FileCredentials.class,
                    "kubeconfigCredentialsId", Messages.DeploymentCredentials_SecretFile());
        }
        return new DeploymentCredentials(environment, new TemporaryDirectoryFiles(workspace), kubeconfig);
    }

    private static <C extends StandardCredentials> C find(Run<?, ?> run, String id, Class<C> type, String parameter, String kind)
            throws DeploymentFailure {
        C credentials = CredentialsProvider.findCredentialById(id, type, run);
        if (credentials == null) {
            throw new DeploymentFailure(Messages.DeploymentCredentials_NotFound(parameter, id, kind));
        }
        CredentialsProvider.track(run, credentials);
        return credentials;
    }

    /** Every credential's values: what the step masks in the log, wherever the CLI runs. */
    CliEnvironment environment() {
        return environment;
    }

    /**
     * The logins the CLI's processes get in their environment: all of them on the agent; none in a container, where
     * the environment is on the {@code docker exec} command line: there the logins are files ({@link #logins}), and
     * the environment holds only the variables naming the files of the command running now
     * ({@link LoginFiles#environment()}), paths and nothing else.
     */
    CliEnvironment processEnvironment(CliPlace place) {
        return place == CliPlace.AGENT ? environment : loginFiles().environment();
    }

    /**
     * How the commands get their logins: on the agent through their environment; in a container as owner-only files
     * under {@code WORKSPACE@tmp}, username and password each in its own, written just before the command that needs
     * them and removed right after it, the {@code DATAPIPELINES_*_FILE} variables naming them ({@link LoginFiles}).
     */
    Logins logins(CliPlace place) {
        return place == CliPlace.AGENT ? Logins.ENVIRONMENT : loginFiles();
    }

    private LoginFiles loginFiles() {
        if (loginFiles == null) {
            loginFiles = new LoginFiles(environment, files);
        }
        return loginFiles;
    }

    /**
     * The kubeconfig for deploy: the credential's, written to a private file next to the workspace when deploy asks
     * for it (so validate and build, which run the definition's code, never find it), or the agent's own.
     */
    Kubeconfig kubeconfig() {
        if (kubeconfigCredentials == null) {
            return Kubeconfig.AGENTS_OWN;
        }
        return () -> {
            if (kubeconfig == null) {
                byte[] content;
                try (InputStream in = kubeconfigCredentials.getContent()) {
                    content = in.readAllBytes();
                }
                kubeconfig = files.write("kubeconfig", ".yaml", content);
            }
            return kubeconfig;
        };
    }

    /** Deletes the login files and the kubeconfig file: none may outlive the deployment, even when the build is interrupted. */
    @Override
    public void close() throws IOException {
        try {
            try {
                if (loginFiles != null) {
                    loginFiles.removeFiles();
                }
            } finally {
                if (kubeconfig != null) {
                    files.delete(kubeconfig);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while deleting the deployment's credential files", e);
        }
    }

    /** The files in the workspace's {@code @tmp} sibling on the agent, which a container sees at the same path. */
    private static final class TemporaryDirectoryFiles implements PrivateFiles {
        private final FilePath workspace;

        TemporaryDirectoryFiles(FilePath workspace) {
            this.workspace = workspace;
        }

        private FilePath directory() throws DeploymentFailure {
            FilePath temporaryDirectory = WorkspaceList.tempDir(workspace);
            if (temporaryDirectory == null) {
                throw new DeploymentFailure("no temporary directory next to the workspace " + workspace.getRemote());
            }
            return temporaryDirectory;
        }

        @Override
        public String write(String prefix, String suffix, byte[] content) throws DeploymentFailure, IOException, InterruptedException {
            return directory().act(new PrivateFile(prefix, suffix, content));
        }

        @Override
        public void delete(String path) throws IOException, InterruptedException {
            try {
                directory().child(path).delete(); // child() of an absolute path is that path, on the agent
            } catch (DeploymentFailure e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
