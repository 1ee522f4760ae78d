package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * One deployment, start to finish, for a build: install the CLI on the agent (once per version), then
 * {@code validate} (name, revision hash, canonical definition), {@code build} (the definition's tests, then the
 * image, pushed by digest), {@code deploy} (the Kubernetes rollout); then record it on the build and fingerprint
 * the image.
 *
 * <p>Not tied to the Pipeline step: anything with a run, a workspace and a launcher can deploy through it (the
 * "Data Pipeline" job type is meant to).
 */
public final class PipelineDeployer {
    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Launcher launcher;
    private final Map<String, String> environment;
    private final TaskListener listener;

    public PipelineDeployer(Run<?, ?> run, FilePath workspace, Launcher launcher, Map<String, String> environment, TaskListener listener) {
        this.run = run;
        this.workspace = workspace;
        this.launcher = launcher;
        this.environment = environment;
        this.listener = listener;
    }

    public DeploymentRecord deploy(DeploySettings settings) throws DeploymentFailure, IOException, InterruptedException {
        settings.checkAgainst(environment);
        PrintStream log = listener.getLogger();
        String cliJar = AgentCliInstaller.install(workspace, log);
        JavaCommand java = JavaCommand.forAgent(environment, AgentCliInstaller.agentJavaHome(workspace), launcher.isUnix(), cliJar);
        try (DeploymentCredentials credentials = DeploymentCredentials.resolve(run, workspace, settings)) {
            CliEnvironment cliEnvironment = credentials.environment();
            SecretMasker masker = new SecretMasker(cliEnvironment.secrets());
            CliLauncher cli = new CliLauncher(launcher, workspace, java, cliEnvironment.applyTo(environment), listener, masker);

            ValidationResult validation = CliResultParser.validation(cli.run(CliCommands.validate(settings.definition())));
            String deployment = settings.deploymentFor(validation.pipeline());
            String repository = settings.imageRepositoryFor(validation.pipeline());

            ImageBuildResult build = CliResultParser.build(cli.run(CliCommands.build(settings, repository)));

            RolloutResult rollout = CliResultParser.rollout(cli.run(CliCommands.deploy(settings, settings.definition(), build.image(), deployment,
                    credentials.kubeconfigPath(), cause(environment), Strings.trimToNull(environment.get("BUILD_URL")))), settings.dryRun());
            if (rollout.manifests() != null) {
                log.println(Messages.PipelineDeployer_Manifests());
                rollout.manifests().lines().forEach(line -> log.println(masker.mask(line)));
            }

            DeploymentRecord record = DeploymentRecord.of(validation, build, rollout, settings.dryRun());
            run.addAction(new DeploymentAction(record, settings.definition(), validation.canonicalDefinition()));
            ImageFingerprints.record(run, record.image());
            log.println(settings.dryRun()
                    ? Messages.PipelineDeployer_DryRun(record.pipeline(), record.namespace(), record.deployment(), record.image())
                    : Messages.PipelineDeployer_Deployed(record.pipeline(), record.namespace(), record.deployment(), record.image(),
                            record.kubernetesRevision(), record.status()));
            return record;
        }
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
