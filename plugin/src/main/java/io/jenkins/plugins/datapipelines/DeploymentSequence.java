package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * What a deployment runs, command by command, with no Jenkins in it: {@code validate} (name, revision hash,
 * canonical definition), {@code build} (the definition's tests, then the image, pushed by digest), {@code deploy}
 * (the Kubernetes rollout), each result parsed and the three joined into one checked {@link DeploymentRecord}.
 * {@link PipelineDeployer} runs it on a build's agent; plugin-check runs the very same sequence against the real CLI.
 */
public final class DeploymentSequence {
    private final CliRunner cli;
    private final PrintStream log;
    private final SecretMasker masker;
    private final Logins logins;

    /**
     * @param log    the build log, for what the step says itself (the CLI's own output goes there through the runner)
     * @param masker the secrets of the CLI's environment, never to reach the log
     */
    public DeploymentSequence(CliRunner cli, PrintStream log, SecretMasker masker) {
        this(cli, log, masker, Logins.ENVIRONMENT);
    }

    /** @param logins how each command gets its login (environment variables, or files in a container) */
    public DeploymentSequence(CliRunner cli, PrintStream log, SecretMasker masker, Logins logins) {
        this.cli = cli;
        this.log = log;
        this.masker = masker;
        this.logins = logins;
    }

    /**
     * What a deployment did, and the canonical definition it deployed (what the build archives).
     *
     * @param shadow what the deployment's shadow said; null when no shadow ran
     */
    public record Outcome(DeploymentRecord record, String canonicalDefinition, @CheckForNull ShadowReport shadow) {
        public Outcome(DeploymentRecord record, String canonicalDefinition) {
            this(record, canonicalDefinition, null);
        }

        /** Whether a shadow stopped this deployment: nothing was deployed, the live revision stays. */
        public boolean shadowAborted() {
            return shadow != null && shadow.isAborted();
        }
    }

    /**
     * @param kubeconfig the cluster's kubeconfig, asked for just before {@code deploy} runs (written then), never before
     * @param cause      why, for the deployment's revision history in the cluster; null for none
     * @param buildUrl   the build's URL, for that history; null for none
     */
    public Outcome deploy(DeploySettings settings, Kubeconfig kubeconfig, @CheckForNull String cause, @CheckForNull String buildUrl)
            throws DeploymentFailure, IOException, InterruptedException {
        return deploy(settings, kubeconfig, cause, buildUrl, pending -> { });
    }

    /** Told what is about to be rolled out, before {@code deploy} runs: what a restarted step re-attaches to. */
    @FunctionalInterface
    public interface Checkpoint {
        void beforeRollout(PendingRollout pending) throws IOException, InterruptedException;
    }

    /** @param checkpoint told what is about to be rolled out, before {@code deploy} runs (not for a dry run) */
    public Outcome deploy(DeploySettings settings, Kubeconfig kubeconfig, @CheckForNull String cause, @CheckForNull String buildUrl,
                          Checkpoint checkpoint) throws DeploymentFailure, IOException, InterruptedException {
        ValidationResult validation = CliResultParser.validation(cli.run(CliCommands.validate(settings.definition())));
        String deployment = settings.deploymentFor(validation.pipeline());
        String repository = settings.imageRepositoryFor(validation.pipeline());

        if (logins.testsSeparately()) {
            cli.run(CliCommands.test(settings.definition())); // before any login file exists; build then skips them
        }
        ImageBuildResult build;
        try {
            build = CliResultParser.build(cli.run(CliCommands.build(settings, repository, logins.forBuild())));
        } finally {
            logins.removeFiles();
        }

        if (!settings.dryRun()) {
            checkpoint.beforeRollout(new PendingRollout(validation.pipeline(), validation.revisionHash(), validation.canonicalDefinition(),
                    build.image().repository(), build.image().digest(), deployment, settings.namespace(), settings.definition(), null, null));
        }
        CliOutcome deployed;
        try {
            deployed = cli.outcome(CliCommands.deploy(settings, settings.definition(), build.image(), deployment,
                    kubeconfig.path(), cause, buildUrl, logins.forDeploy()));
        } finally {
            logins.removeFiles();
        }
        if (settings.shadow().enabled() && deployed.exitCode() == 1 && CliResultParser.shadowAborted(deployed.stdout())) {
            // The shadow's verdict, not a failure of the command: recorded (marked aborted) with what the shadow said.
            RolloutResult live = CliResultParser.rollout(deployed.stdout(), false);
            DeploymentRecord aborted = new DeploymentRecord(validation.pipeline(), live.deployment(), live.namespace(), build.image(),
                    validation.revisionHash(), 0, ShadowReport.ABORTED, false);
            return new Outcome(aborted, validation.canonicalDefinition(), CliResultParser.shadow(deployed.stdout()));
        }
        if (!deployed.succeeded()) {
            throw new DeploymentFailure(deployed.failureMessage());
        }
        RolloutResult rollout = CliResultParser.rollout(deployed.stdout(), settings.dryRun());
        if (rollout.manifests() != null) {
            log.println(Messages.PipelineDeployer_Manifests());
            rollout.manifests().lines().forEach(line -> log.println(masker.mask(line)));
        }
        ShadowReport shadow = settings.shadow().enabled() ? CliResultParser.shadow(deployed.stdout()) : null;
        return new Outcome(DeploymentRecord.of(validation, build, rollout, settings.dryRun()), validation.canonicalDefinition(), shadow);
    }

    /**
     * Deploys a recorded deployment again: its image, by digest, with its canonical definition (written to
     * {@code definitionFile} by the caller), and nothing else: no validation run, no test, no image build. The same
     * digest as recorded, so the same code runs again; a new Kubernetes revision unless it is still live.
     *
     * @param settings the recorded settings ({@link RollbackTarget#settingsFor})
     */
    public Outcome redeploy(DeploymentAction recorded, DeploySettings settings, String definitionFile, Kubeconfig kubeconfig,
                            @CheckForNull String cause, @CheckForNull String buildUrl)
            throws DeploymentFailure, IOException, InterruptedException {
        return redeploy(recorded, settings, definitionFile, kubeconfig, cause, buildUrl, pending -> { });
    }

    /** As above, telling {@code checkpoint} what is about to be rolled out before {@code deploy} runs. */
    public Outcome redeploy(DeploymentAction recorded, DeploySettings settings, String definitionFile, Kubeconfig kubeconfig,
                            @CheckForNull String cause, @CheckForNull String buildUrl, Checkpoint checkpoint)
            throws DeploymentFailure, IOException, InterruptedException {
        DeploymentRecord earlier = recorded.toRecord();
        if (!CliResultParser.sha256(recorded.getCanonicalDefinition()).equals(earlier.revisionHash())) {
            throw new DeploymentFailure("the recorded definition of " + earlier.namespace() + "/" + earlier.deployment()
                    + " does not hash to its recorded revision " + earlier.revisionHash() + ": the build record was altered");
        }
        ValidationResult validation = new ValidationResult(earlier.pipeline(), earlier.revisionHash(), recorded.getCanonicalDefinition());
        ImageBuildResult image = new ImageBuildResult(earlier.image(), earlier.revisionHash(), earlier.pipeline());
        log.println(Messages.PipelineDeployer_Redeploying(earlier.image(), earlier.namespace(), earlier.deployment()));
        Integer rollbackOf = recorded.getRun() == null ? null : recorded.getRun().getNumber();
        checkpoint.beforeRollout(new PendingRollout(earlier.pipeline(), earlier.revisionHash(), recorded.getCanonicalDefinition(),
                earlier.image().repository(), earlier.image().digest(), earlier.deployment(), earlier.namespace(), recorded.getDefinitionFile(),
                rollbackOf, null));
        RolloutResult rollout;
        try {
            // A rollback restores a recorded revision at once: never through a shadow.
            rollout = CliResultParser.rollout(cli.run(CliCommands.deploy(settings.withoutShadow(), definitionFile, earlier.image(),
                    earlier.deployment(), kubeconfig.path(), cause, buildUrl, logins.forDeploy())), false);
        } finally {
            logins.removeFiles();
        }
        return new Outcome(DeploymentRecord.of(validation, image, rollout, false), recorded.getCanonicalDefinition());
    }

    /** How the re-attaching step waits between two looks at the cluster (tests wait for nothing). */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /**
     * After a controller restart interrupted a rollout: asks the cluster ({@code datapipelines status}) until the
     * deployment runs the image that was being rolled out and is available (the outcome is then recorded as if the
     * step had waited), or fails saying what the cluster runs instead. Builds and deploys nothing.
     *
     * @param waitForAvailable whether the step waits for the rollout (else the image applied is enough, as without a restart)
     * @param timeout          how long to wait for a rollout still progressing (the step's rollout timeout)
     */
    public Outcome reattach(PendingRollout pending, Kubeconfig kubeconfig, boolean waitForAvailable, Duration timeout, Pause pause)
            throws DeploymentFailure, IOException, InterruptedException {
        log.println(Messages.DeploymentSequence_Reattaching(pending.target(), pending.image()));
        Duration waited = Duration.ZERO;
        while (true) {
            CliOutcome status = cli.outcome(CliCommands.status(pending.pipeline(), pending.deployment(), pending.namespace(), kubeconfig.path()));
            if (status.exitCode() == 2) {
                throw new DeploymentFailure(status.failureMessage());
            }
            boolean answered = CliOutput.of(status.stdout()).json() != null;
            RolloutResult live = answered ? CliResultParser.status(status.stdout()) : null;
            boolean ours = live != null && live.image().endsWith("@" + pending.imageDigest());
            if (ours && (status.exitCode() == 0 || !waitForAvailable)) {
                // In deploy's words, as the interrupted deploy would have said it: "deployed" once waited for, else "applied".
                RolloutResult landed = new RolloutResult(live.namespace(), live.deployment(), live.revision(), live.image(), live.minReplicas(),
                        live.maxReplicas(), waitForAvailable ? "deployed" : "applied", null);
                DeploymentRecord record = DeploymentRecord.of(pending.validation(), pending.build(), landed, false);
                return new Outcome(record, pending.canonicalDefinition());
            }
            boolean progressing = ours && "progressing".equals(live.status());
            if (!progressing || waited.compareTo(timeout) >= 0) {
                throw new DeploymentFailure(Messages.DeploymentSequence_ReattachFailed(pending.target(), pending.image(),
                        live != null ? live.image() + " (" + live.status() + ")" : answered ? "nothing" : status.failureMessage()));
            }
            pause.pause(REATTACH_POLL);
            waited = waited.plus(REATTACH_POLL);
        }
    }

    static final Duration REATTACH_POLL = Duration.ofSeconds(5);
}
