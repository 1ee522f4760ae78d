package io.jenkins.plugins.datapipelines;

import hudson.model.Action;
import hudson.model.InvisibleAction;
import hudson.model.Queue;

import java.util.List;

/**
 * Carried by a build that rolls back: which earlier build's deployment to deploy again. Given to the queue with the
 * {@link RollbackCause}, and kept on the build, where the Data Pipeline job's builder and the {@code dataPipelineDeploy}
 * step find it and deploy that build's recorded image instead of building one.
 *
 * <p>Never merged into another queued build: a rollback waiting in the queue must not be swallowed by an ordinary
 * build of the same job (which would build and deploy the current definition), nor two rollbacks to different builds
 * into one.
 */
public final class RollbackRequest extends InvisibleAction implements Queue.QueueAction {
    private final int buildNumber;

    public RollbackRequest(int buildNumber) {
        if (buildNumber < 1) {
            throw new IllegalArgumentException("build numbers start at 1, not " + buildNumber);
        }
        this.buildNumber = buildNumber;
    }

    /** The build whose recorded deployment this build deploys again. */
    public int getBuildNumber() {
        return buildNumber;
    }

    /** Always a build of its own. */
    @Override
    public boolean shouldSchedule(List<Action> actions) {
        return true;
    }
}
