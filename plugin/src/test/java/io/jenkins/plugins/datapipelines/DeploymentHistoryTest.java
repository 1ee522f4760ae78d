package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.jenkins.plugins.datapipelines.RecordedDeployments.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job page's deployment history: newest first, and the live deployment of each target marked. */
class DeploymentHistoryTest {
    private static DeploymentHistory.Build build(int number, String result, DeploymentAction... deployments) {
        return new DeploymentHistory.Build(number, Instant.ofEpochSecond(1_700_000_000L + number * 60L), "alice", result, List.of(deployments));
    }

    private static List<String> rows(DeploymentHistory history) {
        return history.getRows().stream().map(DeploymentHistory.Row::toString).toList();
    }

    @Test
    void newestFirstAndTheNewestRealDeploymentOfEachTargetIsLive() {
        DeploymentHistory history = DeploymentHistory.of(List.of(
                build(1, "SUCCESS", recorded("prod", "orders", "d.yaml", 'a', 1)),
                build(3, "SUCCESS", recorded("prod", "orders", "d.yaml", 'a', 3, false, 1)),
                build(2, "SUCCESS", recorded("prod", "orders", "d.yaml", 'b', 2), recorded("staging", "orders", "d.yaml", 'b', 7)),
                build(4, "SUCCESS", recorded("prod", "orders", "d.yaml", 'c', 0, true, null))));
        assertEquals(List.of(
                "#4 prod/orders r0 sha256:cccccccccccc",
                "#3 prod/orders r3 sha256:aaaaaaaaaaaa live",
                "#2 prod/orders r2 sha256:bbbbbbbbbbbb",
                "#2 staging/orders r7 sha256:bbbbbbbbbbbb live",
                "#1 prod/orders r1 sha256:aaaaaaaaaaaa"), rows(history));
        DeploymentHistory.Row rollback = history.getRows().get(1);
        assertEquals(1, rollback.getRollbackOf());
        assertEquals("alice", rollback.getWho());
        assertEquals("SUCCESS", rollback.getResult());
        assertEquals(Instant.ofEpochSecond(1_700_000_180L), rollback.getTime().toInstant());
        assertEquals("data-pipeline-prod-orders", rollback.getUrlName());
        assertTrue(history.getRows().get(0).isDryRun());
        assertNull(history.getRows().get(2).getRollbackOf());
    }

    @Test
    void aDeploymentStaysLiveWhenItsBuildFailedLaterOrAnotherRuns() {
        // A deployment is recorded only once the cluster took it: the build failing afterwards does not undo it, and
        // a running build has not deployed until it records.
        DeploymentHistory history = DeploymentHistory.of(List.of(
                build(1, "SUCCESS", recorded("prod", "orders", "d.yaml", 'a', 1)),
                build(2, "FAILURE", recorded("prod", "orders", "d.yaml", 'b', 2)),
                build(3, null)));
        assertEquals(List.of("#2 prod/orders r2 sha256:bbbbbbbbbbbb live", "#1 prod/orders r1 sha256:aaaaaaaaaaaa"), rows(history));
        assertTrue(DeploymentHistory.of(List.of()).isEmpty());
    }

    @Test
    void withinOneBuildTheLastDeploymentToATargetIsTheOneThatStayed() {
        DeploymentHistory history = DeploymentHistory.of(List.of(
                build(5, "SUCCESS", recorded("prod", "orders", "d.yaml", 'a', 1), recorded("prod", "orders", "d.yaml", 'b', 2))));
        assertEquals(List.of("#5 prod/orders r1 sha256:aaaaaaaaaaaa", "#5 prod/orders r2 sha256:bbbbbbbbbbbb live"), rows(history));
    }

    /** A deployment a shadow aborted deployed nothing: the revision before it stays the live one. */
    @Test
    void aDeploymentAShadowAbortedIsNeverLive() {
        DeploymentAction live = recorded("prod", "orders", "d.yaml", 'a', 1);
        DeploymentRecord abortedRecord = new DeploymentRecord("orders", "orders", "prod",
                new ImageReference("reg.example.com/orders", "sha256:" + "b".repeat(64)), CliResults.REVISION, 0, ShadowReport.ABORTED, false);
        DeploymentAction aborted = new DeploymentAction(abortedRecord, "d.yaml", CliResults.CANONICAL, null, null);
        DeploymentHistory history = DeploymentHistory.of(List.of(build(1, "SUCCESS", live), build(2, "FAILURE", aborted)));
        assertEquals(List.of("#2 prod/orders r0 sha256:bbbbbbbbbbbb", "#1 prod/orders r1 sha256:aaaaaaaaaaaa live"), rows(history));
        assertTrue(aborted.isShadowAborted());
        assertTrue(!live.isShadowAborted());
    }
}
