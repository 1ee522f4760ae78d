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
 * count) and tracked on it: registry and Kafka passwords go into the CLI's environment, the kubeconfig into a
 * private file next to the workspace that is deleted when the deployment ends.
 */
final class DeploymentCredentials implements AutoCloseable {
    private final CliEnvironment environment;
    private final @CheckForNull FilePath kubeconfig;

    private DeploymentCredentials(CliEnvironment environment, @CheckForNull FilePath kubeconfig) {
        this.environment = environment;
        this.kubeconfig = kubeconfig;
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
        FilePath kubeconfig = null;
        if (settings.kubeconfigCredentialsId() != null) {
            FileCredentials file = find(run, settings.kubeconfigCredentialsId(), FileCredentials.class,
                    "kubeconfigCredentialsId", Messages.DeploymentCredentials_SecretFile());
            kubeconfig = writePrivately(workspace, file);
        }
        return new DeploymentCredentials(environment, kubeconfig);
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

    /** The kubeconfig file's path on the agent, or null to let the CLI find its cluster itself. */
    @CheckForNull
    String kubeconfigPath() {
        return kubeconfig == null ? null : kubeconfig.getRemote();
    }

    /** Deletes the kubeconfig file; it must not outlive the deployment, even when the build is interrupted. */
    @Override
    public void close() throws IOException {
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
