package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.IOException;
import java.io.PrintStream;

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

    /** What a deployment did, and the canonical definition it deployed (what the build archives). */
    public record Outcome(DeploymentRecord record, String canonicalDefinition) {
    }

    /**
     * @param kubeconfig the cluster's kubeconfig, asked for just before {@code deploy} runs (written then), never before
     * @param cause      why, for the deployment's revision history in the cluster; null for none
     * @param buildUrl   the build's URL, for that history; null for none
     */
    public Outcome deploy(DeploySettings settings, Kubeconfig kubeconfig, @CheckForNull String cause, @CheckForNull String buildUrl)
            throws DeploymentFailure, IOException, InterruptedException {
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

        RolloutResult rollout;
        try {
            rollout = CliResultParser.rollout(cli.run(CliCommands.deploy(settings, settings.definition(), build.image(), deployment,
                    kubeconfig.path(), cause, buildUrl, logins.forDeploy())), settings.dryRun());
        } finally {
            logins.removeFiles();
        }
        if (rollout.manifests() != null) {
            log.println(Messages.PipelineDeployer_Manifests());
            rollout.manifests().lines().forEach(line -> log.println(masker.mask(line)));
        }
        return new Outcome(DeploymentRecord.of(validation, build, rollout, settings.dryRun()), validation.canonicalDefinition());
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
        DeploymentRecord earlier = recorded.toRecord();
        if (!CliResultParser.sha256(recorded.getCanonicalDefinition()).equals(earlier.revisionHash())) {
            throw new DeploymentFailure("the recorded definition of " + earlier.namespace() + "/" + earlier.deployment()
                    + " does not hash to its recorded revision " + earlier.revisionHash() + ": the build record was altered");
        }
        ValidationResult validation = new ValidationResult(earlier.pipeline(), earlier.revisionHash(), recorded.getCanonicalDefinition());
        ImageBuildResult image = new ImageBuildResult(earlier.image(), earlier.revisionHash(), earlier.pipeline());
        log.println(Messages.PipelineDeployer_Redeploying(earlier.image(), earlier.namespace(), earlier.deployment()));
        RolloutResult rollout;
        try {
            rollout = CliResultParser.rollout(cli.run(CliCommands.deploy(settings, definitionFile, earlier.image(),
                    earlier.deployment(), kubeconfig.path(), cause, buildUrl, logins.forDeploy())), false);
        } finally {
            logins.removeFiles();
        }
        return new Outcome(DeploymentRecord.of(validation, image, rollout, false), recorded.getCanonicalDefinition());
    }
}
