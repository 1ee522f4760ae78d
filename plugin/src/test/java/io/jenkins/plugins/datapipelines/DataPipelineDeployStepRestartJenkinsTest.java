package io.jenkins.plugins.datapipelines;

import hudson.slaves.DumbSlave;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A controller restart in the middle of a rollout: the step re-attaches through {@code datapipelines status} and
 * finishes with the record it would have made, building and deploying nothing again (the stand-in CLI holds its
 * rollout while stand-in-cluster/hold-rollout exists; the cluster has the new revision all the same).
 */
class DataPipelineDeployStepRestartJenkinsTest {
    private static final String DEFINITION = "apiVersion: datapipelines.io/v1\\nkind: Pipeline\\nmetadata:\\n  name: orders\\n";

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @TempDir
    Path temp;

    @Test
    void aRestartDuringTheRolloutReattachesThroughStatus() throws Throwable {
        sessions.then(r -> {
            StandInCliDistribution.configureAsTool(StandInCliDistribution.create(temp));
            DataPipelinesConfiguration global = DataPipelinesConfiguration.get();
            global.setBaseImage("registry.example.com/java/jre@sha256:" + "0".repeat(64));
            global.setKafkaBootstrapServers("kafka:9092");
            global.setNamespace("pipelines");
            // Its root outside the session's temporary directories, so that the workspace survives the restart.
            DumbSlave agent = new DumbSlave("agent", temp.resolve("agent-root").toString(), r.createComputerLauncher(null));
            agent.setLabelString("agent");
            r.jenkins.addNode(agent);
            r.waitOnline(agent);
            WorkflowJob job = r.createProject(WorkflowJob.class, "orders");
            job.setDefinition(new CpsFlowDefinition("node('agent') {\n  writeFile file: 'datapipeline.yaml', text: '" + DEFINITION + "'\n"
                    + "  def d = dataPipelineDeploy deployment: 'orders-eu', image: 'registry.example.com/orders'\n"
                    + "  echo \"deployed ${d.digest} as revision ${d.revision} (${d.status})\"\n}", true));
            agent.getWorkspaceFor(job).child("stand-in-cluster/hold-rollout").write("", "UTF-8");
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage("waiting for pipelines/orders-eu: 0/1 available", run);
        });
        sessions.then(r -> {
            StandInCliDistribution.configureAsTool(StandInCliDistribution.create(temp));
            WorkflowJob job = r.jenkins.getItemByFullName("orders", WorkflowJob.class);
            DumbSlave agent = (DumbSlave) r.jenkins.getNode("agent");
            r.waitOnline(agent);
            agent.getWorkspaceFor(job).child("stand-in-cluster/hold-rollout").delete();
            WorkflowRun run = job.getBuildByNumber(1);
            r.waitForCompletion(run);
            r.assertBuildStatusSuccess(run);
            r.assertLogContains("Jenkins restarted during the rollout of registry.example.com/orders@sha256:", run);
            r.assertLogContains("+ datapipelines status --deployment orders-eu --namespace pipelines", run);
            DeploymentAction record = run.getAction(DeploymentAction.class);
            assertNotNull(record, "recorded as if the step had waited");
            assertEquals(1, record.getKubernetesRevision());
            assertEquals("deployed", record.getStatus());
            r.assertLogContains("deployed " + record.getDigest() + " as revision 1 (deployed)", run);
            assertEquals(1, agent.getWorkspaceFor(job).child("stand-in-cluster/images-built").readToString().lines().count(),
                    "nothing built again");
        });
    }
}
