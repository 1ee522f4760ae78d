package hudson.model;

import hudson.EnvVars;

/** Stand-in for hudson.model.EnvironmentSpecific (jenkins-core 2.541.3): the members this plugin uses, as in the public sources; bodies throw. */
public interface EnvironmentSpecific<T extends EnvironmentSpecific<T>> {
    T forEnvironment(EnvVars environment);
}
