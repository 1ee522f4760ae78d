package io.jenkins.plugins.datapipelines;

import hudson.model.Cause;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessDeniedException3;
import hudson.slaves.DumbSlave;
import hudson.util.FormValidation;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Data Pipeline" job type in a real Jenkins: creating it, its configuration round trip and definition check, a
 * build that deploys the stored definition through the stand-in CLI ({@link StandInCli}, which logs every image it
 * builds and every deployment), "Roll back to this build" to #1 after #2 (the same digest, no image built), on this
 * job type and on a Pipeline using {@code dataPipelineDeploy}, the queue never merging a rollback, who may roll back,
 * and the deployment history on the job page.
 */
@WithJenkins
class DataPipelineProjectJenkinsTest {
    private static final String V1 = "apiVersion: datapipelines.io/v1\nkind: Pipeline\nmetadata:\n  name: orders\n";
    private static final String V2 = V1 + "# the second revision\n";

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

    private static void globalDefaults() {
        DataPipelinesConfiguration global = DataPipelinesConfiguration.get();
        global.setNamespace("pipelines");
        global.setImageRepositoryPrefix("registry.example.com/pipelines");
        global.setBaseImage("registry.example.com/java/jre@sha256:" + "0".repeat(64));
        global.setKafkaBootstrapServers("kafka:9092");
    }

    private static DataPipelineProject job(JenkinsRule r, String definition) throws Exception {
        globalDefaults();
        DataPipelineProject job = r.createProject(DataPipelineProject.class, "orders");
        job.setAssignedLabel(Label.get("agent"));
        job.getBuildersList().get(DataPipelineBuilder.class).setDefinition(definition);
        job.getBuildersList().get(DataPipelineBuilder.class).getOptions().setDeployment("orders-eu");
        job.save();
        return job;
    }

    /** What the stand-in CLI logged in the job's workspace: one line per image it built. */
    private static List<String> imagesBuilt(DumbSlave agent, hudson.model.TopLevelItem job) throws Exception {
        return agent.getWorkspaceFor(job).child("stand-in-cluster/images-built").readToString().lines().toList();
    }

    /** As the confirmation page's button does: a POST, as a user who may build the job. */
    private static void rollBack(JenkinsRule r, hudson.model.Run<?, ?> run, String user) throws Exception {
        JenkinsRule.WebClient web = r.createWebClient().login(user);
        var page = web.getPage(run, "rollback/");
        assertTrue(page.asNormalizedText().contains("Roll back to #" + run.getNumber() + "?"), page.asNormalizedText());
        r.submit(page.getFormByName("rollback"));
        r.waitUntilNoActivity();
    }

    private static void allowBuilding(JenkinsRule r) {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("alice")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
    }

    @Test
    void aNewJobHasTheBuildStepAndTheFormRoundTrips(JenkinsRule r) throws Exception {
        DataPipelineProject job = r.createProject(DataPipelineProject.class, "orders");
        assertEquals("Data Pipeline", job.getDescriptor().getDisplayName());
        DataPipelineBuilder builder = job.getBuildersList().get(DataPipelineBuilder.class);
        assertNotNull(builder, "a new Data Pipeline job starts with its build step");
        builder.setDefinition(V1);
        builder.setDefinitionFile("pipelines/orders.yaml");
        builder.getOptions().setCliTool("datapipelines"); // the installation standInCli() configures: the drop-down lists it
        builder.getOptions().setDeployment("orders-eu");
        builder.getOptions().setNamespace("prod");
        builder.getOptions().setImage("registry.example.com/orders");
        builder.getOptions().setBaseImage("docker-archive:/opt/jre17.tar");
        builder.getOptions().setInsecureRegistry(true);
        builder.getOptions().setKafkaBootstrapServers("kafka-0:9092");
        builder.getOptions().setKafkaSaslMechanism("SCRAM-SHA-512");
        builder.getOptions().setWait(false);
        builder.getOptions().setTimeout("90s");
        builder.getOptions().setKafkaCidrs("10.0.12.0/24");
        builder.getOptions().setKafkaPodLabels("app=kafka tier=broker");
        builder.getOptions().setMetricsNamespaces("monitoring");
        builder.getOptions().setShadow(true);
        builder.getOptions().setShadowRecords("5000");
        builder.getOptions().setShadowMaxChangedRate("0.01");
        job.save();

        DataPipelineProject roundTripped = r.configRoundtrip(job);
        r.assertEqualDataBoundBeans(builder, roundTripped.getBuildersList().get(DataPipelineBuilder.class));
        assertEquals(V1, roundTripped.getBuildersList().get(DataPipelineBuilder.class).getDefinition());
    }

    @Test
    void theStoredDefinitionIsCheckedWithTheModelsMessages(JenkinsRule r) throws Exception {
        DataPipelineProject job = r.createProject(DataPipelineProject.class, "orders");
        DataPipelineBuilder.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(DataPipelineBuilder.DescriptorImpl.class);
        String valid = java.nio.file.Files.readString(Path.of("../examples/orders-cleanup.yaml"));
        FormValidation ok = descriptor.doCheckDefinition(job, valid);
        assertEquals(FormValidation.Kind.OK, ok.kind);
        assertTrue(ok.renderHtml().contains("pipeline orders-cleanup"), ok.renderHtml());
        FormValidation bad = descriptor.doCheckDefinition(job, valid.replace("topic: ", "topik: "));
        assertEquals(FormValidation.Kind.ERROR, bad.kind);
        assertTrue(bad.renderHtml().contains("unknown key; did you mean"), bad.renderHtml());
    }

    @Test
    void aBuildWritesTheStoredDefinitionDeploysAndRecords(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave(Label.get("agent"));
        DataPipelineProject job = job(r, V1);
        DataPipelineBuild build = r.buildAndAssertSuccess(job);
        r.assertLogContains("Wrote the definition stored in the job to datapipeline.yaml.", build);
        r.assertLogContains("+ datapipelines validate --output json -- datapipeline.yaml", build);
        r.assertLogContains("+ datapipelines build --image registry.example.com/pipelines/orders", build);
        r.assertLogContains("--cause Jenkins orders #1", build);
        assertEquals(V1, agent.getWorkspaceFor(job).child("datapipeline.yaml").readToString());
        DeploymentAction record = build.getAction(DeploymentAction.class);
        assertEquals("pipelines", record.getNamespace());
        assertEquals("orders-eu", record.getDeployment());
        assertEquals(1, record.getKubernetesRevision());
        assertNotNull(record.getSettings());
        assertNull(record.getRollbackOf());
        assertNotNull(build.getAction(RollbackAction.class), "a successful deployment can be rolled back to");
    }

    @Test
    void rollingBackToTheFirstBuildAfterASecondDeploysItsDigestAndBuildsNothing(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave(Label.get("agent"));
        allowBuilding(r);
        DataPipelineProject job = job(r, V1);
        DataPipelineBuild first = r.buildAndAssertSuccess(job);
        job.getBuildersList().get(DataPipelineBuilder.class).setDefinition(V2);
        DataPipelineBuild second = r.buildAndAssertSuccess(job);
        String firstDigest = first.getAction(DeploymentAction.class).getDigest();
        assertNotEquals(firstDigest, second.getAction(DeploymentAction.class).getDigest());
        assertEquals(2, imagesBuilt(agent, job).size());

        rollBack(r, first, "alice");

        DataPipelineBuild third = job.getBuildByNumber(3);
        r.assertBuildStatusSuccess(third);
        assertEquals("Rolled back to #1 by alice", third.getCause(RollbackCause.class).getShortDescription());
        assertEquals("alice", third.getCause(Cause.UserIdCause.class).getUserId(), "a rollback is started by a user");
        r.assertLogContains("Rolled back to #1 by alice", third);
        r.assertLogNotContains("Started by user", third);
        DeploymentAction record = third.getAction(DeploymentAction.class);
        assertEquals(firstDigest, record.getDigest(), "the same image as #1");
        assertEquals(first.getAction(DeploymentAction.class).getRevisionHash(), record.getRevisionHash());
        assertEquals(1, record.getRollbackOf());
        assertEquals(3, record.getKubernetesRevision());
        assertEquals(2, imagesBuilt(agent, job).size(), "the rollback built no image");
        r.assertLogContains("Rolling back: deploying " + record.getImage(), third);
        r.assertLogNotContains("+ datapipelines build", third);
        r.assertLogNotContains("+ datapipelines validate", third);
        r.assertLogContains("--cause Rolled back to #1 by alice", third);
        assertEquals(V2, agent.getWorkspaceFor(job).child("datapipeline.yaml").readToString(), "the workspace is left as it was");

        // The job page: the history, #3 live.
        String page = r.createWebClient().login("alice").getPage(job).asNormalizedText();
        assertTrue(page.contains("Deployment history"), page);
        DeploymentHistory history = new DeploymentHistoryAction(job).getHistory();
        assertEquals(List.of(3, 2, 1), history.getRows().stream().map(DeploymentHistory.Row::getBuild).toList());
        assertTrue(history.getRows().get(0).isLive());
        assertEquals("alice", history.getRows().get(0).getWho());
        assertFalse(history.getRows().get(1).isLive());
    }

    @Test
    void aPipelineStepHonoursTheRollbackRequestOfItsRun(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave(Label.get("agent"));
        allowBuilding(r);
        globalDefaults();
        WorkflowJob job = r.createProject(WorkflowJob.class, "orders");
        // Each build writes a different definition: only a rollback can deploy #1's image in #3.
        job.setDefinition(new CpsFlowDefinition("node('agent') {\n"
                + "  writeFile file: 'datapipeline.yaml', text: \"apiVersion: datapipelines.io/v1\\nmetadata:\\n  name: orders\\n# ${env.BUILD_NUMBER}\\n\"\n"
                + "  def d = dataPipelineDeploy deployment: 'orders-eu'\n  echo \"deployed ${d.digest}\"\n}", true));
        WorkflowRun first = r.buildAndAssertSuccess(job);
        WorkflowRun second = r.buildAndAssertSuccess(job);
        String firstDigest = first.getAction(DeploymentAction.class).getDigest();
        assertNotEquals(firstDigest, second.getAction(DeploymentAction.class).getDigest());

        rollBack(r, first, "alice");

        WorkflowRun third = job.getBuildByNumber(3);
        r.assertBuildStatusSuccess(third);
        assertEquals(firstDigest, third.getAction(DeploymentAction.class).getDigest());
        assertEquals(1, third.getAction(DeploymentAction.class).getRollbackOf());
        r.assertLogContains("deployed " + firstDigest, third);
        r.assertLogNotContains("+ datapipelines build", third);
        assertEquals(2, imagesBuilt(agent, job).size(), "the rollback built no image");
    }

    @Test
    void aRollbackOfAParameterizedJobRunsWithTheParametersOfTheBuildItRollsBackTo(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("agent"));
        allowBuilding(r);
        globalDefaults();
        WorkflowJob job = r.createProject(WorkflowJob.class, "orders");
        job.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("TARGET", "orders-eu")));
        job.setDefinition(new CpsFlowDefinition("node('agent') {\n"
                + "  writeFile file: 'datapipeline.yaml', text: \"apiVersion: datapipelines.io/v1\\nmetadata:\\n  name: orders\\n\"\n"
                + "  echo \"target ${params.TARGET}\"\n"
                + "  dataPipelineDeploy deployment: params.TARGET\n}", true));
        WorkflowRun first = r.assertBuildStatusSuccess(job.scheduleBuild2(0, new ParametersAction(new StringParameterValue("TARGET", "orders-us"))));
        assertEquals("orders-us", first.getAction(DeploymentAction.class).getDeployment());
        r.buildAndAssertSuccess(job); // the default, orders-eu

        rollBack(r, first, "alice");

        WorkflowRun third = job.getBuildByNumber(3);
        r.assertBuildStatusSuccess(third);
        assertEquals("orders-us", ((StringParameterValue) third.getAction(ParametersAction.class).getParameter("TARGET")).getValue(),
                "#1's parameters, not the defaults");
        r.assertLogContains("target orders-us", third);
        assertEquals("orders-us", third.getAction(DeploymentAction.class).getDeployment());
        assertEquals(first.getAction(DeploymentAction.class).getDigest(), third.getAction(DeploymentAction.class).getDigest());
    }

    @Test
    void aJobStoredWithoutWaitLoadsWaitingForTheRollout(JenkinsRule r) throws Exception {
        // createProjectFromXML loads it as Jenkins loads every job: Items.load, XStream2.
        try (var stored = getClass().getResourceAsStream("job-without-wait.xml")) {
            DataPipelineProject job = (DataPipelineProject) r.jenkins.createProjectFromXML("stored", stored);
            DataPipelineBuilder builder = job.getBuildersList().get(DataPipelineBuilder.class);
            assertTrue(builder.getOptions().isWait(), "XStream runs no field initialisers: readResolve gives the default");
            assertEquals("datapipeline.yaml", builder.getDefinitionFile());
            assertEquals("orders-eu", builder.getOptions().getDeployment(), "the flat shape of older versions, moved into the options");
            assertEquals("prod", builder.getOptions().getNamespace());
            assertFalse(job.getConfigFile().asString().contains("<options>"), "loaded as stored");
            job.save();
            String saved = job.getConfigFile().asString();
            assertTrue(saved.contains("<options>"), saved);
            assertEquals(1, saved.split("<deployment>orders-eu</deployment>", -1).length - 1, "saved once, in the options: " + saved);
        }
    }

    @Test
    void aJobStoredWithTheBuildStepsOwnCliToolLoadsItIntoTheOptions(JenkinsRule r) throws Exception {
        try (var stored = getClass().getResourceAsStream("job-with-cli-tool.xml")) {
            DataPipelineProject job = (DataPipelineProject) r.jenkins.createProjectFromXML("stored", stored);
            DataPipelineBuilder builder = job.getBuildersList().get(DataPipelineBuilder.class);
            assertEquals("datapipelines-1.0", builder.getOptions().getCliTool(), "moved into the options");
            assertEquals("orders-eu", builder.getOptions().getDeployment());
            assertEquals("pipelines/orders.yaml", builder.getDefinitionFile());
            job.save();
            String saved = job.getConfigFile().asString();
            assertEquals(1, saved.split("<cliTool>datapipelines-1.0</cliTool>", -1).length - 1, "saved once: " + saved);
            assertTrue(saved.indexOf("<cliTool>") > saved.indexOf("<options>") && saved.indexOf("<cliTool>") < saved.indexOf("</options>"),
                    "in the options: " + saved);
        }
    }

    @Test
    void aJobThatNeverDeployedShowsNoHistory(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "plain");
        job.setDefinition(new CpsFlowDefinition("echo 'nothing to deploy'", true));
        r.buildAndAssertSuccess(job);
        assertTrue(job.getAction(DeploymentHistoryAction.class).getHistory().isEmpty());
        assertFalse(r.createWebClient().getPage(job).asNormalizedText().contains("Deployment history"));
    }

    @Test
    void aRollbackWaitingInTheQueueIsNeverMergedIntoAnotherBuild(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("agent"));
        DataPipelineProject job = job(r, V1);
        DataPipelineBuild first = r.buildAndAssertSuccess(job);
        job.setAssignedLabel(Label.get("no-such-agent")); // nothing runs: what is scheduled stays in the queue
        job.scheduleBuild2(0);
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            first.getAction(RollbackAction.class).doRollback();
            first.getAction(RollbackAction.class).doRollback();
        }
        assertEquals(3, r.jenkins.getQueue().getItems(job).length, "an ordinary build and two rollbacks, each its own");
        r.jenkins.getQueue().clear();
    }

    @Test
    void onlyThoseWhoMayBuildTheJobCanRollBackAndOnlyByPost(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("agent"));
        DataPipelineProject job = job(r, V1);
        DataPipelineBuild first = r.buildAndAssertSuccess(job);
        allowBuilding(r);
        RollbackAction action = first.getAction(RollbackAction.class);

        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertNull(action.getIconFileName(), "no link for a reader");
            assertThrows(AccessDeniedException3.class, action::doRollback);
        }
        JenkinsRule.WebClient reader = r.createWebClient().login("reader");
        reader.setThrowExceptionOnFailingStatusCode(false);
        assertEquals(403, reader.goTo(first.getUrl() + "rollback/").getWebResponse().getStatusCode(), "nor the confirmation page");

        JenkinsRule.WebClient alice = r.createWebClient().login("alice");
        alice.setThrowExceptionOnFailingStatusCode(false);
        // @POST: Stapler's HttpVerbInterceptor cancels a GET, which ends as 404 (405 is @RequirePOST's answer).
        assertEquals(404, alice.goTo(first.getUrl() + "rollback/rollback", null).getWebResponse().getStatusCode(),
                "a GET (a link, an image in another page) schedules nothing");
        assertEquals(1, job.getBuilds().size());
        try (ACLContext ignored = ACL.as2(User.getById("alice", true).impersonate2())) {
            assertNotNull(action.getIconFileName());
            action.doRollback();
        }
        r.waitUntilNoActivity();
        assertEquals("Rolled back to #1 by alice", job.getBuildByNumber(2).getCause(RollbackCause.class).getShortDescription());
    }

    @Test
    void aFailedOrDryRunBuildOffersNoRollback(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("agent"));
        DataPipelineProject job = job(r, V1);
        job.getBuildersList().get(DataPipelineBuilder.class).getOptions().setDryRun(true);
        DataPipelineBuild dryRun = r.buildAndAssertSuccess(job);
        assertNull(dryRun.getAction(RollbackAction.class), "a dry run deployed nothing");
        job.getBuildersList().get(DataPipelineBuilder.class).getOptions().setDryRun(false);
        job.getBuildersList().get(DataPipelineBuilder.class).getOptions().setDeployment("broken-rollout");
        DataPipelineBuild failed = r.buildAndAssertStatus(Result.FAILURE, job);
        assertNull(failed.getAction(RollbackAction.class));
    }
}
