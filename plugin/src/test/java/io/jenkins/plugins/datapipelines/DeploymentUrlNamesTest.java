package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static io.jenkins.plugins.datapipelines.RecordedDeployments.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each deployment record of a build has a page of its own, also when one build deploys the same target twice. */
class DeploymentUrlNamesTest {
    @Test
    void aSecondDeploymentOfTheSameTargetInOneBuildGetsItsOwnUrl() {
        List<DeploymentAction> records = List.of(recorded("prod", "orders", "d.yaml", 'a', 1), recorded("staging", "orders", "d.yaml", 'b', 1),
                recorded("prod", "orders", "d.yaml", 'c', 2), recorded("prod", "orders", "d.yaml", 'd', 3));
        assertEquals(List.of("data-pipeline-prod-orders", "data-pipeline-staging-orders", "data-pipeline-prod-orders-2",
                "data-pipeline-prod-orders-3"), DeploymentAction.urlNames(records));
    }

    @Test
    void namesThatOnlyLookAlikeStayDistinctToo() {
        // prod/orders-2 would be "data-pipeline-prod-orders-2", which the second prod/orders must then not take.
        List<DeploymentAction> records = List.of(recorded("prod", "orders-2", "d.yaml", 'a', 1), recorded("prod-orders", "x", "d.yaml", 'b', 1),
                recorded("prod", "orders", "d.yaml", 'c', 1), recorded("prod", "orders", "d.yaml", 'd', 2),
                recorded("prod", "orders-x", "d.yaml", 'e', 1), recorded("prod-orders", "x", "d.yaml", 'f', 2));
        List<String> names = DeploymentAction.urlNames(records);
        assertEquals(records.size(), new HashSet<>(names).size(), names.toString());
        assertEquals(List.of("data-pipeline-prod-orders-2", "data-pipeline-prod-orders-x", "data-pipeline-prod-orders",
                "data-pipeline-prod-orders-3", "data-pipeline-prod-orders-x-2", "data-pipeline-prod-orders-x-3"), names);
    }

    @Test
    void aRecordNotYetOnABuildHasItsBaseName() {
        assertEquals("data-pipeline-prod-orders", recorded("prod", "orders", "d.yaml", 'a', 1).getUrlName());
    }
}
