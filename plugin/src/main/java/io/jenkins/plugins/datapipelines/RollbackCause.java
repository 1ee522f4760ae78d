package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Cause;
import org.kohsuke.stapler.export.Exported;

/**
 * Why a build runs: someone asked to roll back to an earlier build's deployment ("Rolled back to #3 by Alice"). Shown
 * on the build, in the job's deployment history, and written into the Kubernetes revision history as the deploy's
 * cause.
 */
public final class RollbackCause extends Cause {
    private final int buildNumber;
    private final @CheckForNull String userId;
    private final String userName;

    /**
     * @param userId   who asked, or null when no one is logged in (anonymous with the permission to build)
     * @param userName how to show who asked
     */
    public RollbackCause(int buildNumber, @CheckForNull String userId, String userName) {
        this.buildNumber = buildNumber;
        this.userId = userId;
        this.userName = userName;
    }

    @Exported(visibility = 3)
    public int getBuildNumber() {
        return buildNumber;
    }

    @Exported(visibility = 3)
    public @CheckForNull String getUserId() {
        return userId;
    }

    @Exported(visibility = 3)
    public String getUserName() {
        return userName;
    }

    @Override
    public String getShortDescription() {
        return Messages.RollbackCause_ShortDescription(Integer.toString(buildNumber), userName);
    }
}
