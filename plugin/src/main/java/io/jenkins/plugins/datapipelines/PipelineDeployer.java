package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One deployment, start to finish, for a build: find the CLI installation (installed on the agent once per version), look up the
 * credentials for the build, run the {@link DeploymentSequence} through the build's launcher (validate, build,
 * deploy; or, for a rollback, deploy only), then record it on the build and fingerprint the image.
 *
 * <p>Not tied to the Pipeline step: anything with a run, a workspace and a launcher deploys through it (the
 * {@code dataPipelineDeploy} step and the Data Pipeline job's builder do).
 */
public final class PipelineDeployer {
    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Launcher launcher;
    private final Map<String, String> environment;
    private final TaskListener listener;
    private final @CheckForNull String cliTool;

    /** @param cliTool the name of the {@link DataPipelinesCliInstallation} to run; null: the first, else the PATH's */
    public PipelineDeployer(Run<?, ?> run, FilePath workspace, Launcher launcher, Map<String, String> environment, TaskListener listener,
                            @CheckForNull String cliTool) {
        this.cliTool = cliTool;
        this.run = run;
        this.workspace = workspace;
        this.launcher = launcher;
        this.environment = environment;
        this.listener = listener;
    }

    /** Validates, tests, builds and deploys the definition the settings name. */
    public DeploymentRecord deploy(DeploySettings settings) throws DeploymentFailure, IOException, InterruptedException {
        return deploy(settings, pending -> { });
    }

    /** @param checkpoint told what is about to be rolled out (a restarted step re-attaches to it: {@link #reattach}) */
    public DeploymentRecord deploy(DeploySettings settings, DeploymentSequence.Checkpoint checkpoint)
            throws DeploymentFailure, IOException, InterruptedException {
        settings.checkAgainst(environment);
        return withCli(settings, (sequence, kubeconfig) -> {
            DeploymentSequence.Outcome outcome = sequence.deploy(settings, kubeconfig, cause(environment), buildUrl(),
                    pending -> checkpoint.beforeRollout(pending.with(DeployParameters.of(settings), null)));
            DeploymentRecord record = record(outcome, settings, settings.definition(), null);
            if (outcome.shadowAborted()) {
                throw new DeploymentFailure(shadowAborted(record, outcome.shadow()));
            }
            return record;
        });
    }

    /** The message an aborted shadow fails the build with: what stays live, then the shadow's summary lines. */
    static String shadowAborted(DeploymentRecord record, ShadowReport shadow) {
        String live = shadow.getLiveRevision() == null ? "the live revision"
                : "revision " + shadow.getLiveRevision() + (shadow.getLiveImage() == null ? "" : " (" + shadow.getLiveImage() + ")");
        List<String> lines = new ArrayList<>();
        lines.add(Messages.PipelineDeployer_ShadowAborted(record.pipeline(), record.namespace(), record.deployment(), record.image(), live));
        lines.addAll(shadow.lines());
        return String.join("\n", lines);
    }

    /**
     * After a controller restart during a rollout: finds out from the cluster whether the rollout that was pending
     * landed, and records it as the interrupted step would have; fails saying what the cluster runs otherwise.
     */
    public DeploymentRecord reattach(PendingRollout pending) throws DeploymentFailure, IOException, InterruptedException {
        if (pending.settings() == null) {
            throw new DeploymentFailure("the interrupted rollout of " + pending.target() + " was not saved with its settings");
        }
        DeploySettings settings = DeploySettings.resolve(pending.settings(), DeployDefaults.NONE);
        return withCli(settings, (sequence, kubeconfig) -> {
            DeploymentSequence.Outcome outcome = sequence.reattach(pending, kubeconfig, settings.waitForRollout(), Names.duration(settings.timeout()),
                    duration -> Thread.sleep(duration.toMillis()));
            return record(outcome, settings, pending.definitionFile(), pending.rollbackOf());
        });
    }

    /**
     * Deploys what build #{@code buildNumber} recorded again: its image by digest, its canonical definition, its
     * settings; nothing is validated, tested or built.
     *
     * @param settings the recorded settings ({@link RollbackTarget#settingsFor})
     * @param cause    why, for the deployment's history in the cluster ("Rolled back to #3 by alice")
     */
    public DeploymentRecord rollBack(int buildNumber, DeploymentAction recorded, DeploySettings settings, String cause)
            throws DeploymentFailure, IOException, InterruptedException {
        return rollBack(buildNumber, recorded, settings, cause, pending -> { });
    }

    /** As above, telling {@code checkpoint} what is about to be rolled out. */
    public DeploymentRecord rollBack(int buildNumber, DeploymentAction recorded, DeploySettings settings, String cause,
                                     DeploymentSequence.Checkpoint checkpoint) throws DeploymentFailure, IOException, InterruptedException {
        FilePath temporaryDirectory = WorkspaceList.tempDir(workspace);
        if (temporaryDirectory == null) {
            throw new DeploymentFailure("no temporary directory next to the workspace " + workspace.getRemote());
        }
        temporaryDirectory.mkdirs();
        // Outside the workspace, so a rollback leaves the checkout as it found it.
        FilePath definition = temporaryDirectory.createTempFile("datapipeline-build-" + buildNumber + "-", ".json");
        try {
            definition.write(recorded.getCanonicalDefinition(), StandardCharsets.UTF_8.name());
            return withCli(settings, (sequence, kubeconfig) -> {
                DeploymentSequence.Outcome outcome = sequence.redeploy(recorded, settings, definition.getRemote(), kubeconfig, cause, buildUrl(),
                        pending -> checkpoint.beforeRollout(pending.with(DeployParameters.of(settings), buildNumber)));
                return record(outcome, settings, recorded.getDefinitionFile(), buildNumber);
            });
        } finally {
            definition.delete();
        }
    }

    private interface CliWork {
        DeploymentRecord run(DeploymentSequence sequence, Kubeconfig kubeconfig) throws DeploymentFailure, IOException, InterruptedException;
    }

    private DeploymentRecord withCli(DeploySettings settings, CliWork work) throws DeploymentFailure, IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        CliPlace place = CliPlace.of(launcher);
        JavaCommand java = CliInstallations.command(cliTool, workspace, launcher, environment, listener);
        try (DeploymentCredentials credentials = DeploymentCredentials.resolve(run, workspace, settings)) {
            SecretMasker masker = new SecretMasker(credentials.environment().secrets());
            // In a container the logins travel in files (LoginFiles), the environment holding only their paths.
            CliLauncher cli = new CliLauncher(launcher, workspace, java, environment, credentials.processEnvironment(place), listener, masker);
            return work.run(new DeploymentSequence(cli, log, masker, credentials.logins(place)), credentials.kubeconfig());
        }
    }

    private DeploymentRecord record(DeploymentSequence.Outcome outcome, DeploySettings settings, String definitionFile,
                                    @CheckForNull Integer rollbackOf) throws IOException {
        DeploymentRecord record = outcome.record();
        run.addAction(new DeploymentAction(record, definitionFile, outcome.canonicalDefinition(), DeployParameters.of(settings), rollbackOf,
                outcome.shadow()));
        ImageFingerprints.record(run, record.image());
        if (outcome.shadowAborted()) {
            return record; // the caller fails the build with the shadow's summary (a promoted shadow's is in the CLI's log lines)
        }
        listener.getLogger().println(record.dryRun()
                ? Messages.PipelineDeployer_DryRun(record.pipeline(), record.namespace(), record.deployment(), record.image())
                : Messages.PipelineDeployer_Deployed(record.pipeline(), record.namespace(), record.deployment(), record.image(),
                        record.kubernetesRevision(), record.status()));
        return record;
    }

    private @CheckForNull String buildUrl() {
        return Strings.trimToNull(environment.get("BUILD_URL"));
    }

    /**
     * Why this revision is deployed, for the deployment's history in the cluster ({@code datapipelines history}):
     * the build, from the variables Jenkins gives every build.
     */
    static @CheckForNull String cause(Map<String, String> environment) {
        String job = Strings.trimToNull(environment.get("JOB_NAME"));
        String number = Strings.trimToNull(environment.get("BUILD_NUMBER"));
        return job == null || number == null ? null : "Jenkins " + job + " #" + number;
    }
}
