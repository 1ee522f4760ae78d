package io.jenkins.plugins.datapipelines;

import hudson.model.Run;

import java.io.IOException;
import java.util.List;

/**
 * Honours a {@link RollbackRequest} in a deployment call (the builder, or the step): finds the earlier build and the
 * deployment of it that this call made ({@link RollbackTarget}), and deploys it again with its recorded settings.
 */
final class Rollbacks {
    private Rollbacks() {
    }

    static DeploymentRecord perform(Run<?, ?> run, RollbackRequest request, DeploySettings current, DeployDefaults defaults,
                                    PipelineDeployer deployer) throws DeploymentFailure, IOException, InterruptedException {
        return perform(run, request, current, defaults, deployer, pending -> { });
    }

    /** As above, telling {@code checkpoint} what is about to be rolled out (a restarted step re-attaches to it). */
    static DeploymentRecord perform(Run<?, ?> run, RollbackRequest request, DeploySettings current, DeployDefaults defaults,
                                    PipelineDeployer deployer, DeploymentSequence.Checkpoint checkpoint)
            throws DeploymentFailure, IOException, InterruptedException {
        int number = request.getBuildNumber();
        Run<?, ?> earlier = run.getParent().getBuildByNumber(number);
        if (earlier == null) {
            throw new DeploymentFailure("cannot roll back to build #" + number + ": it no longer exists (discarded by the job's build retention?)");
        }
        List<DeploymentAction> recorded = earlier.getActions(DeploymentAction.class);
        DeploymentAction target = RollbackTarget.choose(number, recorded, current);
        DeploySettings settings = RollbackTarget.settingsFor(target, current, defaults);
        RollbackCause cause = run.getCauses().stream().filter(RollbackCause.class::isInstance).map(RollbackCause.class::cast)
                .filter(c -> c.getBuildNumber() == number).findFirst().orElse(null);
        String why = cause != null ? cause.getShortDescription() : Messages.RollbackCause_ShortDescription(Integer.toString(number), "?");
        return deployer.rollBack(number, target, settings, why, checkpoint);
    }
}
