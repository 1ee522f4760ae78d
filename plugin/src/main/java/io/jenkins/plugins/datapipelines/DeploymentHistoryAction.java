package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import jenkins.model.TransientActionFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The deployment history on a job's page ({@code jobMain.jelly}): every deployment of its recent builds, the live one
 * marked ({@link DeploymentHistory}). Shown on every job that deployed lately: Data Pipeline jobs, and Pipelines that
 * use {@code dataPipelineDeploy}.
 */
public final class DeploymentHistoryAction implements Action {
    /** How many builds back the page looks: the history must not load a long job's every build. */
    static final int BUILDS_SHOWN = 30;

    private final Job<?, ?> job;

    DeploymentHistoryAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    public DeploymentHistory getHistory() {
        List<DeploymentHistory.Build> builds = new ArrayList<>();
        int count = 0;
        for (Run<?, ?> run = job.getLastBuild(); run != null && count < BUILDS_SHOWN; run = run.getPreviousBuild(), count++) {
            List<DeploymentAction> deployments = run.getActions(DeploymentAction.class);
            if (!deployments.isEmpty()) {
                Result result = run.getResult();
                builds.add(new DeploymentHistory.Build(run.getNumber(), Instant.ofEpochMilli(run.getTimeInMillis()), who(run),
                        result == null ? null : result.toString(), deployments));
            }
        }
        return DeploymentHistory.of(builds);
    }

    /** Who started the build: the user behind it, else what started it (a timer, an SCM change, an upstream build). */
    static String who(Run<?, ?> run) {
        List<Cause> causes = run.getCauses();
        for (Cause cause : causes) {
            if (cause instanceof Cause.UserIdCause user) { // RollbackCause too: the user who rolled back
                return user.getUserName();
            }
        }
        return causes.isEmpty() ? "" : causes.get(0).getShortDescription();
    }

    /** No link of its own: the history is part of the job's page. */
    @Override
    public @CheckForNull String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.DeploymentHistoryAction_DisplayName();
    }

    @Override
    public @CheckForNull String getUrlName() {
        return null;
    }

    @Extension
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Class<? extends Action> actionType() {
            return DeploymentHistoryAction.class;
        }

        /**
         * One small object per job, loading nothing: Jenkins lists a job's actions on every page and API call that shows
         * it, so looking for deployments here would load builds each time. The history is read only when the job page
         * renders it ({@code jobMain.jelly}, which shows nothing for a job that never deployed), from the same recent
         * builds the page's build history already shows.
         */
        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Job target) {
            return List.of(new DeploymentHistoryAction(target));
        }
    }
}
