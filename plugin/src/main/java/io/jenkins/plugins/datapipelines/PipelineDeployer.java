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
 * One deployment, start to finish, for a build: install the CLI on the agent (once per version), look up the
 * credentials for the build, run the {@link DeploymentSequence} (validate, build, deploy) through the build's
 * launcher; then record it on the build and fingerprint the image.
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

            DeploymentSequence.Outcome outcome = new DeploymentSequence(cli, log, masker).deploy(settings, credentials.kubeconfigPath(),
                    cause(environment), Strings.trimToNull(environment.get("BUILD_URL")));
            DeploymentRecord record = outcome.record();
            run.addAction(new DeploymentAction(record, settings.definition(), outcome.canonicalDefinition()));
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
