package jenkins.agents;

import hudson.FilePath;

/** Stand-in for jenkins.agents.ControllerToAgentFileCallable (jenkins-core 2.541.3): a FileCallable meant to be sent to an agent and run there. */
// The real interface also has a default checkRoles(RoleChecker) that admits it to agents (Roles.SLAVE); the stand-in's
// FileCallable leaves RoleSensitive out, so there is nothing to implement.
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
}
