package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.IOException;

/**
 * Where {@code deploy} finds its cluster. Asked for only when {@code deploy} is about to run, so that a credential's
 * kubeconfig is written to the agent after {@code validate} and {@code build} (which run the definition's own code)
 * have ended, and none of their code can read it.
 */
@FunctionalInterface
public interface Kubeconfig {
    /** The CLI's own choice: the agent's in-cluster service account, its KUBECONFIG or ~/.kube/config. */
    Kubeconfig AGENTS_OWN = () -> null;

    /** @return the kubeconfig file's path on the agent, or null for the CLI's own choice */
    @CheckForNull
    String path() throws DeploymentFailure, IOException, InterruptedException;

    static Kubeconfig at(@CheckForNull String path) {
        return () -> path;
    }
}
