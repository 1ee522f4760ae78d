package io.jenkins.plugins.datapipelines;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Fingerprint;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.slaves.DumbSlave;
import hudson.slaves.WorkspaceList;
import hudson.tasks.Fingerprinter;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step in a real Jenkins: its form and Snippet Generator, Pipeline builds on an agent against the stand-in
 * CLI ({@link StandInCli}, installed on the agent by the "Data Pipelines CLI" tool installation from a file: URL), secrets masked, the record,
 * fingerprint and REST API, failures, and who may list credentials.
 */
@WithJenkins
class DataPipelineDeployStepJenkinsTest {
    private static final String DEFINITION = "apiVersion: datapipelines.io/v1\\nkind: Pipeline\\nmetadata:\\n  name: orders\\n";
    private static final String REGISTRY_PASSWORD = "r3g-s3cret-pw";
    private static final String KAFKA_PASSWORD = "k4f-s3cret-pw";

    @RegisterExtension
    static BuildWatcherExtension buildWatcher = new BuildWatcherExtension();

    @TempDir
    Path temp;

    @BeforeEach
    void standInCli() throws Exception {
        StandInCliDistribution.configureAsTool(StandInCliDistribution.create(temp));
    }

    @AfterEach
    void packagedCli() {
        StandInCliDistribution.removeTools();
    }

    private static void addCredentials() throws Exception {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "registry", "registry robot", "robot", REGISTRY_PASSWORD));
        store.getCredentials().add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "kafka", "kafka SASL", "svc", KAFKA_PASSWORD));
        store.getCredentials().add(new FileCredentialsImpl(CredentialsScope.GLOBAL, "kube", "kubeconfig", "kubeconfig.yaml",
                SecretBytes.fromBytes("apiVersion: v1\n# the stand-in cluster\n".getBytes(StandardCharsets.UTF_8))));
        store.save();
    }

    /** What every deployment needs and these tests are not about: a base image and the Kafka brokers. */
    private static void baseImageAndKafka() {
        // The global configuration shows the same form and descriptor, with no job: Jenkins' own permissions apply.
        global.setBaseImage("registry.example.com/java/jre@sha256:" + "0".repeat(64));
        global.setKafkaBootstrapServers("kafka:9092");
    }

    private static DataPipelineDeployStep fullStep() {
        DataPipelineDeployStep step = new DataPipelineDeployStep();
        step.setDefinition("pipelines/orders.yaml");
        step.setCliTool("datapipelines"); // the installation standInCli() configures: the form's drop-down lists it
        step.setDeployment("orders-eu");
        step.setNamespace("prod");
        step.setImage("registry.example.com/orders");
        step.setBaseImage("docker-archive:/opt/jre17.tar");
        step.setRegistryCredentialsId("registry");
        step.setInsecureRegistry(true);
        step.setKubeconfigCredentialsId("kube");
        step.setKafkaBootstrapServers("kafka-0:9092,kafka-1:9092");
        step.setKafkaCredentialsId("kafka");
        step.setKafkaSaslMechanism("SCRAM-SHA-256");
        step.setKafkaSecurityProtocol("SASL_PLAINTEXT");
        step.setWait(false);
        step.setTimeout("90s");
        step.setDryRun(true);
        step.setKafkaCidrs("10.0.12.0/24 10.0.13.0/24");
        step.setKafkaNamespaces("kafka");
        step.setKafkaPodLabels("app=kafka");
        step.setDnsNamespace("kube-system");
        step.setDnsPodLabels("k8s-app=kube-dns");
        step.setMetricsNamespaces("monitoring");
        step.setShadow(true);
        step.setShadowRecords("5000");
        step.setShadowTimeout("10m");
        step.setShadowMaxChangedRate("0.01");
        step.setShadowMaxNewDeadLetterRate("0.001");
        return step;
    }

    private static WorkflowJob pipeline(JenkinsRule r, String name, String steps) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("node('agent') {\n  writeFile file: 'datapipeline.yaml', text: '" + DEFINITION + "'\n"
                + steps + "\n}", true));
        return job;
    }

    @Test
    void configurationRoundTrip(JenkinsRule r) throws Exception {
        addCredentials();
        StepConfigTester tester = new StepConfigTester(r);
        DataPipelineDeployStep full = fullStep();
        r.assertEqualDataBoundBeans(full, tester.configRoundTrip(full));
        DataPipelineDeployStep defaults = new DataPipelineDeployStep();
        DataPipelineDeployStep roundTripped = tester.configRoundTrip(defaults);
        r.assertEqualDataBoundBeans(defaults, roundTripped);
        assertEquals("datapipeline.yaml", roundTripped.getDefinition());
        assertTrue(roundTripped.isWait());
    }

    @Test
    void snippetGeneratorRoundTrip(JenkinsRule r) throws Exception {
        SnippetizerTester tester = new SnippetizerTester(r);
        tester.assertRoundTrip(new DataPipelineDeployStep(), "dataPipelineDeploy()");
        DataPipelineDeployStep step = new DataPipelineDeployStep();
        step.setDeployment("orders-eu");
        step.setNamespace("prod");
        step.setTimeout("90s");
        step.setWait(false);
        tester.assertRoundTrip(step, "dataPipelineDeploy deployment: 'orders-eu', namespace: 'prod', timeout: '90s', wait: false");
        DataPipelineDeployStep brokers = new DataPipelineDeployStep();
        brokers.setKafkaPodLabels("app=kafka");
        tester.assertRoundTrip(brokers, "dataPipelineDeploy kafkaPodLabels: 'app=kafka'");
        tester.assertRoundTrip(fullStep(), "dataPipelineDeploy baseImage: 'docker-archive:/opt/jre17.tar', cliTool: 'datapipelines', "
                + "definition: 'pipelines/orders.yaml', deployment: 'orders-eu', dnsNamespace: 'kube-system', dnsPodLabels: 'k8s-app=kube-dns', dryRun: true, "
                + "image: 'registry.example.com/orders', insecureRegistry: true, kafkaBootstrapServers: 'kafka-0:9092,kafka-1:9092', "
                + "kafkaCidrs: '10.0.12.0/24 10.0.13.0/24', kafkaCredentialsId: 'kafka', kafkaNamespaces: 'kafka', kafkaPodLabels: 'app=kafka', "
                + "kafkaSaslMechanism: 'SCRAM-SHA-256', kafkaSecurityProtocol: 'SASL_PLAINTEXT', kubeconfigCredentialsId: 'kube', "
                + "metricsNamespaces: 'monitoring', namespace: 'prod', registryCredentialsId: 'registry', shadow: true, "
                + "shadowMaxChangedRate: '0.01', shadowMaxNewDeadLetterRate: '0.001', shadowRecords: '5000', shadowTimeout: '10m', "
                + "timeout: '90s', wait: false");
        DataPipelineDeployStep shadowed = new DataPipelineDeployStep();
        shadowed.setShadow(true);
        tester.assertRoundTrip(shadowed, "dataPipelineDeploy shadow: true");
        SnippetizerTester.assertDocGeneration(DataPipelineDeployStep.class);
    }

    @Test
    void deploysFromAPipelineOnAnAgentAndRecordsIt(JenkinsRule r) throws Exception {
        addCredentials();
        DataPipelinesConfiguration global = DataPipelinesConfiguration.get();
        global.setNamespace("pipelines");
        global.setImageRepositoryPrefix("registry.example.com/pipelines");
        global.setKafkaBootstrapServers("kafka:9092");
        global.setBaseImage("registry.example.com/java/jre@sha256:" + "0".repeat(64));
        global.setRegistryCredentialsId("registry");
        DumbSlave agent = r.createOnlineSlave(Label.get("agent"));
        WorkflowJob job = pipeline(r, "orders", """
                  def d = dataPipelineDeploy deployment: 'orders-eu', kubeconfigCredentialsId: 'kube', kafkaCredentialsId: 'kafka'
                  echo "deployed ${d.image} as revision ${d.revision} of ${d.namespace}/${d.deployment}, digest ${d.digest}, revision hash ${d.revisionHash}\"""");

        WorkflowRun first = r.buildAndAssertSuccess(job);
        r.assertLogContains("Copying the datapipelines CLI", first);
        r.assertLogContains("+ datapipelines validate --output json -- datapipeline.yaml", first);
        r.assertLogContains("+ datapipelines build --image registry.example.com/pipelines/orders --base-image "
                + "registry.example.com/java/jre@sha256:" + "0".repeat(64) + " --registry-username-env DATAPIPELINES_REGISTRY_USERNAME "
                + "--registry-password-env DATAPIPELINES_REGISTRY_PASSWORD --output json -- datapipeline.yaml", first);
        r.assertLogContains("running the definition's tests: 1 passed, 0 failed", first);
        r.assertLogContains("logging in to the registry as robot with password ****", first);
        r.assertLogContains("--bootstrap-servers kafka:9092 --kafka-username-env DATAPIPELINES_KAFKA_USERNAME "
                + "--kafka-password-env DATAPIPELINES_KAFKA_PASSWORD --kafka-sasl-mechanism PLAIN --kafka-security-protocol SASL_SSL --wait "
                + "--timeout 5m --cause Jenkins orders #1", first);
        r.assertLogContains("kafka kafka:9092 as svc with password **** (PLAIN over SASL_SSL)", first);
        r.assertLogContains("cluster from kubeconfig: apiVersion: v1", first);
        r.assertLogContains("waiting up to 5m for pipelines/orders-eu", first);
        r.assertLogNotContains(REGISTRY_PASSWORD, first);
        r.assertLogNotContains(KAFKA_PASSWORD, first);

        DeploymentAction record = first.getAction(DeploymentAction.class);
        assertNotNull(record);
        assertEquals("orders", record.getPipeline());
        assertEquals("pipelines", record.getNamespace());
        assertEquals("orders-eu", record.getDeployment());
        assertEquals(1, record.getKubernetesRevision());
        assertEquals("deployed", record.getStatus());
        assertFalse(record.isDryRun());
        assertTrue(record.getImage().startsWith("registry.example.com/pipelines/orders@sha256:"));
        assertEquals(CliResultParser.sha256(record.getCanonicalDefinition()), record.getRevisionHash());
        r.assertLogContains("deployed " + record.getImage() + " as revision 1 of pipelines/orders-eu, digest " + record.getDigest()
                + ", revision hash " + record.getRevisionHash(), first);

        // The CLI was installed and ran on the agent, not in the controller's home.
        assertEquals(1, agent.getRootPath().child("tools/datapipelines-cli").list().size());
        assertFalse(r.jenkins.getRootPath().child("tools/datapipelines-cli").exists());
        // The kubeconfig did not outlive the deployment.
        assertEquals(0, WorkspaceList.tempDir(agent.getWorkspaceFor(job)).list("kubeconfig*").length);

        Fingerprint fingerprint = r.jenkins.getFingerprintMap().get(record.toRecord().image().fingerprintId());
        assertNotNull(fingerprint);
        assertEquals(record.getImage(), fingerprint.getFileName());
        assertTrue(first.getAction(Fingerprinter.FingerprintAction.class).getRecords().containsKey(record.getImage()));

        WorkflowRun second = r.buildAndAssertSuccess(job);
        r.assertLogNotContains("Copying the datapipelines CLI", second);
        assertEquals(2, second.getAction(DeploymentAction.class).getKubernetesRevision());
        assertEquals(record.getDigest(), second.getAction(DeploymentAction.class).getDigest(), "same definition, same image");
        assertTrue(fingerprint.getRangeSet(job).includes(2), "the fingerprint lists every build that deployed the image");

        JenkinsRule.WebClient web = r.createWebClient();
        String json = web.goTo(first.getUrl() + "api/json?tree=actions[pipeline,digest,kubernetesRevision,revisionHash]", "application/json")
                .getWebResponse().getContentAsString();
        assertTrue(json.contains("\"digest\":\"" + record.getDigest() + "\""), json);
        assertTrue(json.contains("\"kubernetesRevision\":1"), json);
        assertTrue(web.getPage(first).asNormalizedText().contains("deployed to pipelines/orders-eu, Kubernetes revision 1 (deployed)"));
        String page = web.goTo(first.getUrl() + record.getUrlName() + "/").asNormalizedText();
        assertTrue(page.contains(record.getRevisionHash()), page);
        assertTrue(page.contains("datapipelines.io/v1"), page);
    }

    @Test
    void aUsernameTheCredentialMarksSecretIsMaskedInTheLog(JenkinsRule r) throws Exception {
        UsernamePasswordCredentialsImpl secretName = new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "registry", "registry robot",
                "robot-7f3a9c", REGISTRY_PASSWORD);
        secretName.setUsernameSecret(true);
        SystemCredentialsProvider.getInstance().getCredentials().add(secretName);
        SystemCredentialsProvider.getInstance().save();
        baseImageAndKafka();
        r.createOnlineSlave(Label.get("agent"));
        WorkflowJob job = pipeline(r, "orders", "dataPipelineDeploy deployment: 'orders-eu', image: 'registry.example.com/orders', "
                + "registryCredentialsId: 'registry'");
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("logging in to the registry as **** with password ****", run);
        r.assertLogNotContains("robot-7f3a9c", run);
        r.assertLogNotContains(REGISTRY_PASSWORD, run);
    }

    @Test
    void twoDeploymentsOfTheSameTargetInOneBuildHaveAPageEach(JenkinsRule r) throws Exception {
        baseImageAndKafka();
        r.createOnlineSlave(Label.get("agent"));
        WorkflowJob job = pipeline(r, "orders", """
                  dataPipelineDeploy deployment: 'orders-eu', namespace: 'prod', image: 'registry.example.com/orders'
                  writeFile file: 'datapipeline.yaml', text: readFile('datapipeline.yaml') + '# second revision\n'
                  dataPipelineDeploy deployment: 'orders-eu', namespace: 'prod', image: 'registry.example.com/orders'""");
        WorkflowRun run = r.buildAndAssertSuccess(job);
        List<DeploymentAction> records = run.getActions(DeploymentAction.class);
        assertEquals(2, records.size());
        assertEquals(List.of("data-pipeline-prod-orders-eu", "data-pipeline-prod-orders-eu-2"), records.stream().map(DeploymentAction::getUrlName).toList());
        JenkinsRule.WebClient web = r.createWebClient();
        for (DeploymentAction record : records) {
            String page = web.goTo(run.getUrl() + record.getUrlName() + "/").asNormalizedText();
            assertTrue(page.contains(record.getRevisionHash()), record.getUrlName() + " shows its own record: " + page);
        }
        assertNotEquals(records.get(0).getRevisionHash(), records.get(1).getRevisionHash());
    }

    /**
     * As inside docker.inside or container(): the step's launcher is a decorated one (here a no-op decoration, so the
     * processes still run on the agent). The CLI goes under WORKSPACE@tmp, the logins (usernames and passwords) travel in
     * files that exist only while their command runs, named by the DATAPIPELINES_*_FILE variables (no login option on a
     * command line), and the tests run on their own before build.
     */
    @Test
    void inAContainerTheCliComesFromTheWorkspaceTmpAndTheLoginsAreFiles(JenkinsRule r) throws Exception {
        addCredentials();
        baseImageAndKafka();
        DumbSlave agent = r.createOnlineSlave(Label.get("agent"));
        WorkflowJob job = pipeline(r, "orders", """
                  fakeContainer {
                    dataPipelineDeploy deployment: 'orders-eu', image: 'registry.example.com/orders', registryCredentialsId: 'registry',
                        kafkaCredentialsId: 'kafka'
                  }""");
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("+ datapipelines test -- datapipeline.yaml", run);
        // No login option on any command line: the DATAPIPELINES_*_FILE variables name the files, and the CLI logs in from them.
        r.assertLogNotContains("--registry-username", run);
        r.assertLogNotContains("--registry-password", run);
        r.assertLogNotContains("--kafka-username", run);
        r.assertLogNotContains("--kafka-password", run);
        r.assertLogContains("/java/jre@sha256:" + "0".repeat(64) + " --skip-tests --output json -- datapipeline.yaml", run);
        r.assertLogContains("logging in to the registry as robot with password ****", run);
        r.assertLogContains("--kafka-sasl-mechanism PLAIN --kafka-security-protocol SASL_SSL", run);
        r.assertLogContains("kafka kafka:9092 as svc with password **** (PLAIN over SASL_SSL)", run);
        r.assertLogNotContains(REGISTRY_PASSWORD, run);
        r.assertLogNotContains(KAFKA_PASSWORD, run);
        r.assertLogNotContains("DATAPIPELINES_REGISTRY_PASSWORD", run);
        hudson.FilePath temporary = WorkspaceList.tempDir(agent.getWorkspaceFor(job));
        assertEquals(1, temporary.child("datapipelines-cli").listDirectories().size(), "the CLI where the container sees it");
        assertFalse(agent.getRootPath().child("tools/datapipelines-cli").exists(), "not in the agent's tools, which it does not see");
        assertEquals(0, temporary.list("datapipelines-login*").length, "no login file outlives its command");
        assertNotNull(run.getAction(DeploymentAction.class));
    }

    /** A block step that runs its body with a decorated launcher, as docker.inside and container() do. */
    public static final class FakeContainerStep extends org.jenkinsci.plugins.workflow.steps.Step {
        @org.kohsuke.stapler.DataBoundConstructor
        public FakeContainerStep() {
        }

        @Override
        public org.jenkinsci.plugins.workflow.steps.StepExecution start(org.jenkinsci.plugins.workflow.steps.StepContext context) {
            return new org.jenkinsci.plugins.workflow.steps.StepExecution(context) {
                private static final long serialVersionUID = 1L;

                @Override
                public boolean start() throws Exception {
                    getContext().newBodyInvoker()
                            .withContext(org.jenkinsci.plugins.workflow.steps.BodyInvoker.mergeLauncherDecorators(
                                    getContext().get(hudson.LauncherDecorator.class), new Decorator()))
                            .withCallback(org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback.wrap(getContext()))
                            .start();
                    return false;
                }
            };
        }

        private static final class Decorator extends hudson.LauncherDecorator implements java.io.Serializable {
            private static final long serialVersionUID = 1L;

            @Override
            public hudson.Launcher decorate(hudson.Launcher launcher, hudson.model.Node node) {
                return new hudson.Launcher.DecoratedLauncher(launcher);
            }
        }

        @org.jvnet.hudson.test.TestExtension("inAContainerTheCliComesFromTheWorkspaceTmpAndTheLoginsAreFiles")
        public static final class DescriptorImpl extends org.jenkinsci.plugins.workflow.steps.StepDescriptor {
            @Override
            public String getFunctionName() {
                return "fakeContainer";
            }

            @Override
            public boolean takesImplicitBlockArgument() {
                return true;
            }

            @Override
            public java.util.Set<? extends Class<?>> getRequiredContext() {
                return java.util.Set.of();
            }
        }
    }

    @Test
    void aDryRunAppliesNothingButRecordsAndShowsTheManifests(JenkinsRule r) throws Exception {
        baseImageAndKafka();
        r.createOnlineSlave(Label.get("agent"));
        WorkflowJob job = pipeline(r, "p", "def d = dataPipelineDeploy image: 'registry.example.com/orders', dryRun: true\necho \"dry run: ${d.dryRun}\"");
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("+ datapipelines deploy --image registry.example.com/orders@sha256:", run);
        r.assertLogContains("--dry-run --output json -- datapipeline.yaml", run);
        r.assertLogContains("The Kubernetes objects the deployment would apply:", run);
        r.assertLogContains("\"kind\" : \"Deployment\"", run);
        r.assertLogContains("nothing was applied to the cluster", run);
        r.assertLogContains("dry run: true", run);
        DeploymentAction record = run.getAction(DeploymentAction.class);
        assertTrue(record.isDryRun());
        assertEquals(0, record.getKubernetesRevision());
    }

    @Test
    void anInvalidDefinitionFailsTheBuildWithTheClisMessage(JenkinsRule r) throws Exception {
        baseImageAndKafka();
        r.createOnlineSlave(Label.get("agent"));
        WorkflowJob job = r.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("node('agent') {\n  writeFile file: 'datapipeline.yaml', text: 'this is invalid'\n"
                + "  dataPipelineDeploy image: 'registry.example.com/orders'\n}", true));
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("datapipelines validate rejected its input (exit code 2):", run);
        r.assertLogContains("datapipeline.yaml:1:1: spec: the stand-in rejects definitions that say 'invalid'", run);
        r.assertLogNotContains("\tat ", run);
        assertNull(run.getAction(DeploymentAction.class));
    }

    @Test
    void aFailedRolloutFailsTheBuild(JenkinsRule r) throws Exception {
        baseImageAndKafka();
        r.createOnlineSlave(Label.get("agent"));
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE,
                pipeline(r, "p", "dataPipelineDeploy image: 'registry.example.com/orders', deployment: 'broken-rollout'"));
        r.assertLogContains("datapipelines deploy failed (exit code 1):", run);
        r.assertLogContains("pod broken-rollout-7d9f is in CrashLoopBackOff", run);
        assertNull(run.getAction(DeploymentAction.class));
    }

    /**
     * A shadow beyond its thresholds (the stand-in CLI's, with the real command's result) fails the build with the
     * shadow's summary in the log; the record is kept, marked aborted, and its page shows the summary and why.
     */
    @Test
    void anAbortedShadowFailsTheBuildAndItsRecordSaysWhy(JenkinsRule r) throws Exception {
        baseImageAndKafka();
        r.createOnlineSlave(Label.get("agent"));
        WorkflowJob job = pipeline(r, "p", """
                dataPipelineDeploy image: 'registry.example.com/orders'
                writeFile file: 'stand-in-cluster/shadow-changed', text: '2'
                dataPipelineDeploy image: 'registry.example.com/orders', shadow: true, shadowRecords: '4'""");
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("+ datapipelines deploy", run);
        r.assertLogContains("--shadow --shadow-records 4", run);
        r.assertLogContains("shadow: 4 record(s) compared: 2 changed (50%), 0 new dead letter(s) (0%)", run);
        r.assertLogContains("shadow: beyond the thresholds: 2 of 4 records (50%) changed, dropped or emitted only by NEW: more than the allowed 0%", run);
        List<DeploymentAction> records = run.getActions(DeploymentAction.class);
        assertEquals(2, records.size());
        DeploymentAction aborted = records.get(1);
        assertTrue(aborted.isShadowAborted());
        assertEquals(1, aborted.getShadow().getLiveRevision());
        JenkinsRule.WebClient web = r.createWebClient();
        assertTrue(web.getPage(run).asNormalizedText().contains("shadow aborted the deployment to"));
        String page = web.goTo(run.getUrl() + aborted.getUrlName() + "/").asNormalizedText();
        assertTrue(page.contains("Records compared"), page);
        assertTrue(page.contains("2 of 4 records (50%) changed"), page);
    }

    @Test
    void badSettingsFailBeforeAnythingRuns(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("agent"));
        WorkflowRun noBase = r.buildAndAssertStatus(Result.FAILURE, pipeline(r, "b", "dataPipelineDeploy image: 'registry.example.com/orders'"));
        r.assertLogContains("no base image to build on: set 'baseImage' in the step", noBase);
        r.assertLogNotContains("+ datapipelines", noBase);
        baseImageAndKafka();
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE,
                pipeline(r, "p", "dataPipelineDeploy image: 'registry.example.com/orders', namespace: 'Prod'"));
        r.assertLogContains("namespace 'Prod' is not a valid Kubernetes namespace", run);
        r.assertLogNotContains("+ datapipelines", run);
        WorkflowRun missingCredentials = r.buildAndAssertStatus(Result.FAILURE,
                pipeline(r, "q", "dataPipelineDeploy image: 'registry.example.com/orders', registryCredentialsId: 'nope'"));
        r.assertLogContains("registryCredentialsId: no credentials 'nope' of type a username with password are available to this build.",
                missingCredentials);
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(option -> option.value).toList();
    }

    @Test
    void formMethodsCheckPermissions(JenkinsRule r) throws Exception {
        addCredentials();
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE, Item.EXTENDED_READ).everywhere().to("developer")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        WorkflowJob job = r.createProject(WorkflowJob.class, "p");
        // The step's form shows the deployment settings' own form, with its checks and drop-downs (DeployOptions).
        DeployOptions.DescriptorImpl step = r.jenkins.getDescriptorByType(DataPipelineDeployStep.DescriptorImpl.class).getOptionsDescriptor();
        DataPipelinesConfiguration global = DataPipelinesConfiguration.get();

        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertEquals(List.of("saved"), values(step.doFillRegistryCredentialsIdItems(job, "saved")), "no credential ids for a reader");
            assertEquals(FormValidation.Kind.OK, step.doCheckRegistryCredentialsId(job, "nope").kind, "nor whether one exists");
        }
        try (ACLContext ignored = ACL.as2(User.getById("developer", true).impersonate2())) {
            assertEquals(List.of("", "kafka", "registry"), values(step.doFillRegistryCredentialsIdItems(job, "")).stream().sorted().toList());
            assertEquals(List.of("", "kube"), values(step.doFillKubeconfigCredentialsIdItems(job, "")));
            assertEquals(FormValidation.Kind.OK, step.doCheckRegistryCredentialsId(job, "registry").kind);
            assertEquals(FormValidation.Kind.ERROR, step.doCheckRegistryCredentialsId(job, "nope").kind);
            assertEquals(FormValidation.Kind.ERROR, step.doCheckKubeconfigCredentialsId(job, "registry").kind, "a password is no kubeconfig");
            assertEquals(FormValidation.Kind.ERROR, step.doCheckNamespace(job, "Prod").kind);
            assertEquals(List.of("saved"), values(step.doFillRegistryCredentialsIdItems(null, "saved")), "the global list is for administrators");
            assertEquals(FormValidation.Kind.OK, step.doCheckTimeout(null, "soon").kind);
        }
        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertTrue(values(step.doFillRegistryCredentialsIdItems(null, "")).contains("registry"));
            assertEquals(FormValidation.Kind.ERROR, step.doCheckTimeout(null, "soon").kind);
        }

        // Form methods answer POST only (@POST): a GET, as from a link in a malicious page, is refused. Stapler's
        // HttpVerbInterceptor cancels it and the request ends as 404 (Stapler's DispatcherTest asserts 404).
        JenkinsRule.WebClient web = r.createWebClient().login("developer");
        web.setThrowExceptionOnFailingStatusCode(false);
        int status = web.goTo(job.getUrl() + "descriptorByName/" + DeployOptions.class.getName()
                + "/fillRegistryCredentialsIdItems?registryCredentialsId=x", null).getWebResponse().getStatusCode();
        assertEquals(404, status);
    }
}
