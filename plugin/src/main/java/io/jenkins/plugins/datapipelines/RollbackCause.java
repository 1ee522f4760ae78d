package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Cause;
import hudson.model.TaskListener;
import org.kohsuke.stapler.export.Exported;

import java.util.Objects;

/**
 * Why a build runs: someone asked to roll back to an earlier build's deployment ("Rolled back to #3 by Alice"). Shown
 * on the build, in the job's deployment history, and written into the Kubernetes revision history as the deploy's
 * cause.
 *
 * <p>A {@link Cause.UserIdCause}: whatever asks "which user started this build?" (build-user-vars, the REST API's
 * {@code userId}, "started by" filters, audit tools) finds the user who rolled back.
 */
public final class RollbackCause extends Cause.UserIdCause {
    private final int buildNumber;
    private final String userName;

    /**
     * @param userId   who asked, or null when no one is logged in (anonymous with the permission to build)
     * @param userName how to show who asked (kept: the user may be renamed or deleted later)
     */
    public RollbackCause(int buildNumber, @CheckForNull String userId, String userName) {
        super(userId);
        this.buildNumber = buildNumber;
        this.userName = userName;
    }

    @Exported(visibility = 3)
    public int getBuildNumber() {
        return buildNumber;
    }

    /** The name recorded when the rollback was asked for. */
    @Override
    @Exported(visibility = 3)
    public String getUserName() {
        return userName;
    }

    @Override
    public String getShortDescription() {
        return Messages.RollbackCause_ShortDescription(Integer.toString(buildNumber), userName);
    }

    /** The inherited one prints "Started by user ...": the log says it is a rollback. */
    @Override
    public void print(TaskListener listener) {
        listener.getLogger().println(getShortDescription());
    }

    /** A rollback to #3 and one to #4 by the same user are different causes (UserIdCause compares user ids only). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RollbackCause other && buildNumber == other.buildNumber && Objects.equals(getUserId(), other.getUserId());
    }

    @Override
    public int hashCode() {
        return Objects.hash(buildNumber, getUserId());
    }
}
