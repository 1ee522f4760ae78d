package io.jenkins.plugins.datapipelines;

import java.io.IOException;

/**
 * Where a deployment writes its secrets as files: owner-only files ({@link PrivateFile}) in the workspace's
 * {@code @tmp} sibling on the agent, which {@code docker.inside} and {@code container()} also show the container at
 * the same path, and never in the workspace itself (which the definition's code and archiving steps see).
 */
interface PrivateFiles {
    /** Writes {@code content} into a new owner-only file. @return its absolute path where the CLI runs */
    String write(String prefix, String suffix, byte[] content) throws DeploymentFailure, IOException, InterruptedException;

    /** Deletes a file {@link #write} returned; nothing when it is gone already. */
    void delete(String path) throws IOException, InterruptedException;
}
