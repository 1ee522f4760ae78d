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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The credentials a deployment uses, looked up for the build (so folder credentials and the build's identity
 * count) and tracked on it: registry and Kafka passwords go into the environment of the CLI commands that need them
 * ({@link CliEnvironment#applyTo(java.util.Map, String)}), the kubeconfig into a private file next to the workspace,
 * written just before deploy and deleted when the deployment ends.
 */
final class DeploymentCredentials implements AutoCloseable {
    private final CliEnvironment environment;
    private final FilePath workspace;
    private final @CheckForNull FileCredentials kubeconfigCredentials;
    /** Login files written for the command running now (in a container): removed when it ends, or at {@link #close()}. */
    private final List<FilePath> loginFiles = new ArrayList<>();
    /** Written only when deploy asks for it ({@link #kubeconfig()}), deleted by {@link #close()}. */
    private @CheckForNull FilePath kubeconfig;

    private DeploymentCredentials(CliEnvironment environment, FilePath workspace, @CheckForNull FileCredentials kubeconfigCredentials) {
        this.environment = environment;
        this.workspace = workspace;
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
        return new DeploymentCredentials(environment, workspace, kubeconfig);
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

    /** Outside the workspace (in its @tmp sibling), created empty and owner-only before the content is written. */
    private static FilePath writePrivately(FilePath workspace, FileCredentials credentials)
            throws DeploymentFailure, IOException, InterruptedException {
        FilePath temporaryDirectory = WorkspaceList.tempDir(workspace);
        if (temporaryDirectory == null) {
            throw new DeploymentFailure("no temporary directory next to the workspace " + workspace.getRemote());
        }
        temporaryDirectory.mkdirs();
        FilePath file = temporaryDirectory.createTempFile("kubeconfig", ".yaml");
        file.chmod(0600);
        try (InputStream content = credentials.getContent()) {
            file.copyFrom(content);
        }
        return file;
    }

    CliEnvironment environment() {
        return environment;
    }

    /**
     * How the commands get their logins: on the agent through their environment; in a container (where docker-workflow
     * puts the environment on its {@code docker exec} command line) as owner-only files under {@code WORKSPACE@tmp},
     * written just before the command that needs them and removed right after it.
     */
    Logins logins(CliPlace place) {
        if (place == CliPlace.AGENT) {
            return Logins.ENVIRONMENT;
        }
        Map<String, String> values = environment.variables();
        String registryUser = values.get(CliEnvironment.REGISTRY_USERNAME);
        String kafkaUser = values.get(CliEnvironment.KAFKA_USERNAME);
        return new Logins() {
            @Override
            public LoginArguments forBuild() throws DeploymentFailure, IOException, InterruptedException {
                return registryUser == null ? LoginArguments.files(null, null, null, null)
                        : LoginArguments.files(registryUser, writeLoginFile(values.get(CliEnvironment.REGISTRY_PASSWORD)), null, null);
            }

            @Override
            public LoginArguments forDeploy() throws DeploymentFailure, IOException, InterruptedException {
                return kafkaUser == null ? LoginArguments.files(null, null, null, null)
                        : LoginArguments.files(null, null, kafkaUser, writeLoginFile(values.get(CliEnvironment.KAFKA_PASSWORD)));
            }

            @Override
            public void removeFiles() throws IOException, InterruptedException {
                removeLoginFiles();
            }

            @Override
            public boolean testsSeparately() {
                return true;
            }
        };
    }

    private String writeLoginFile(String secret) throws DeploymentFailure, IOException, InterruptedException {
        FilePath temporaryDirectory = WorkspaceList.tempDir(workspace);
        if (temporaryDirectory == null) {
            throw new DeploymentFailure("no temporary directory next to the workspace " + workspace.getRemote());
        }
        temporaryDirectory.mkdirs();
        FilePath file = temporaryDirectory.createTempFile("datapipelines-login", ".txt");
        loginFiles.add(file);
        file.chmod(0600); // before the secret is in it
        file.write(secret, StandardCharsets.UTF_8.name());
        return file.getRemote();
    }

    private void removeLoginFiles() throws IOException, InterruptedException {
        try {
            for (FilePath file : loginFiles) {
                file.delete();
            }
        } finally {
            loginFiles.clear();
        }
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
                kubeconfig = writePrivately(workspace, kubeconfigCredentials);
            }
            return kubeconfig.getRemote();
        };
    }

    /** Deletes the kubeconfig file; it must not outlive the deployment, even when the build is interrupted. */
    @Override
    public void close() throws IOException {
        try {
            removeLoginFiles();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while deleting login files", e);
        }
        if (kubeconfig != null) {
            try {
                kubeconfig.delete();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while deleting " + kubeconfig.getRemote(), e);
            }
        }
    }
}
