package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.CauseAction;
import hudson.model.Failure;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.User;
import hudson.security.Permission;
import jenkins.model.ParameterizedJobMixIn;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.verb.POST;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * "Roll back to this build", on every successful build that deployed (a Data Pipeline job's, or a Pipeline's that
 * used {@code dataPipelineDeploy}). Its page ({@code index.jelly}) says what will be deployed again and asks to
 * confirm; the confirmation POSTs to {@link #doRollback()}, which needs {@link Item#BUILD} on the job and schedules a
 * new build with a {@link RollbackCause}, a {@link RollbackRequest} and build #N's parameters. That build deploys this build's recorded image
 * digest with its recorded settings, and builds no image.
 */
public final class RollbackAction implements Action {
    private final Run<?, ?> run;

    RollbackAction(Run<?, ?> run) {
        this.run = run;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** What a rollback would deploy again: this build's real deployments. */
    public List<DeploymentAction> getDeployments() {
        return run.getActions(DeploymentAction.class).stream().filter(a -> !a.isDryRun() && !a.isShadowAborted()).toList();
    }

    /** For the confirmation page's layout: only those who may build the job see it. */
    public Permission getRequiredPermission() {
        return Item.BUILD;
    }

    /** Hidden from those who may not build the job; the page and the POST check that permission again. */
    @Override
    public @CheckForNull String getIconFileName() {
        return run.getParent().hasPermission(Item.BUILD) ? "symbol-undo" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.RollbackAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "rollback";
    }

    /**
     * Schedules the rollback build. POST only (a link or an image in another page cannot trigger it), with the
     * permission to build the job.
     */
    @POST
    public HttpResponse doRollback() {
        Job<?, ?> job = run.getParent();
        job.checkPermission(Item.BUILD);
        User user = User.current();
        RollbackCause cause = new RollbackCause(run.getNumber(), user == null ? null : user.getId(),
                user == null ? Messages.RollbackAction_Anonymous() : user.getFullName());
        Queue.Item item = ParameterizedJobMixIn.scheduleBuild2(job, 0, queueActions(run, cause).toArray(new Action[0]));
        if (item == null) {
            throw new Failure(Messages.RollbackAction_NotScheduled(job.getFullDisplayName()));
        }
        return HttpResponses.redirectTo("../../");
    }

    /**
     * What the rollback build is scheduled with: its cause, the request, and build #N's own parameters. Without a
     * {@link ParametersAction}, scheduling a parameterized job adds the parameters' DEFAULT values, and a Pipeline that
     * chooses what to deploy from its parameters would then deploy something other than #N did.
     */
    static List<Action> queueActions(Run<?, ?> run, RollbackCause cause) {
        return queueActions(run, new CauseAction(cause), ParametersAction::new);
    }

    /**
     * As above, with the cause's action given and the new build's parameters made by {@code newParameters} from build
     * #N's values ({@code ParametersAction::new}): plugin-check, whose Jenkins stand-ins construct no action, tests
     * what is scheduled through this.
     */
    static List<Action> queueActions(Run<?, ?> run, CauseAction cause, Function<List<ParameterValue>, ParametersAction> newParameters) {
        List<Action> actions = new ArrayList<>();
        actions.add(cause);
        actions.add(new RollbackRequest(run.getNumber()));
        ParametersAction parameters = run.getAction(ParametersAction.class);
        if (parameters != null) {
            // The parameters the job defines (and those declared safe), as build #N ran with them; a new action, since
            // an action belongs to one build (its onAttached records the build).
            actions.add(newParameters.apply(parameters.getParameters()));
        }
        return actions;
    }

    /** Whether a build may be rolled back to: finished successfully, deployed something for real, in a job that can be scheduled. */
    static boolean offeredFor(Run<?, ?> run) {
        Result result = run.getResult();
        return !run.isBuilding() && result != null && result.isBetterOrEqualTo(Result.SUCCESS)
                && run.getParent() instanceof ParameterizedJobMixIn.ParameterizedJob
                && run.getActions(DeploymentAction.class).stream().anyMatch(a -> !a.isDryRun() && !a.isShadowAborted());
    }

    @Extension
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Run> {
        @Override
        public Class<Run> type() {
            return Run.class;
        }

        @Override
        public Class<? extends Action> actionType() {
            return RollbackAction.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Run target) {
            return offeredFor(target) ? List.of(new RollbackAction(target)) : List.of();
        }
    }
}
