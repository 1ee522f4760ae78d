package io.jenkins.plugins.datapipelines;

import java.io.IOException;

/**
 * The logins as each command of a {@link DeploymentSequence} gets them: named environment variables on an agent
 * ({@link #ENVIRONMENT}), or, in a container, owner-only files (the username's and the password's) written just before
 * the command that needs them and removed right after it, named by the {@code DATAPIPELINES_*_FILE} variables of that
 * command's environment ({@link LoginFiles}).
 */
public interface Logins {
    /** The logins are in the CLI's environment (each command's own: {@link CliEnvironment#applyTo(java.util.Map, String)}). */
    Logins ENVIRONMENT = new Logins() {
        @Override
        public LoginArguments forBuild() {
            return LoginArguments.ENVIRONMENT;
        }

        @Override
        public LoginArguments forDeploy() {
            return LoginArguments.ENVIRONMENT;
        }

        @Override
        public void removeFiles() {
        }

        @Override
        public boolean testsSeparately() {
            return false;
        }
    };

    /** The registry login for {@code build}, its files written now. */
    LoginArguments forBuild() throws DeploymentFailure, IOException, InterruptedException;

    /** The Kafka login for {@code deploy}, its files written now. */
    LoginArguments forDeploy() throws DeploymentFailure, IOException, InterruptedException;

    /** Removes the files written for the command that has just ended; none must outlive it. */
    void removeFiles() throws IOException, InterruptedException;

    /** Whether the tests run as a command of their own, before any login file exists. */
    boolean testsSeparately();
}
