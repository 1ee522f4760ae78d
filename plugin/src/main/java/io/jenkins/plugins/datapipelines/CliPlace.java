package io.jenkins.plugins.datapipelines;

import hudson.Launcher;

/**
 * Where the CLI's processes run, as the build's {@link Launcher} says. Inside {@code docker.inside} (docker-workflow)
 * or a Kubernetes {@code container()} step the launcher is a {@link Launcher.DecoratedLauncher} that execs into a
 * container: there the agent's {@code java.home} and its tools directory do not exist, and only the workspace and its
 * {@code @tmp} sibling are mounted (at the same paths).
 */
enum CliPlace {
    /** On the agent itself: the CLI in the agent's tools directory, run by the agent JVM's own java. */
    AGENT,
    /** In a container: the CLI under {@code WORKSPACE@tmp}, run by the container's {@code java} (or $DATAPIPELINES_JAVA_HOME). */
    CONTAINER;

    static CliPlace of(Launcher launcher) {
        return launcher instanceof Launcher.DecoratedLauncher ? CONTAINER : AGENT;
    }
}
