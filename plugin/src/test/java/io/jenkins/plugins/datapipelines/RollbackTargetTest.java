package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jenkins.plugins.datapipelines.RecordedDeployments.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which recorded deployment a rollback redeploys, and with which settings. */
class RollbackTargetTest {
    private static final DeploymentAction EU = recorded("prod", "orders-eu", "pipelines/orders.yaml", 'a', 4);
    private static final DeploymentAction US = recorded("prod", "orders-us", "pipelines/orders.yaml", 'b', 2);
    private static final DeploymentAction STAGING = recorded("staging", "orders-eu", "pipelines/orders.yaml", 'c', 9);
    private static final DeploymentAction FANOUT = recorded("prod", "fanout", "pipelines/fanout.yaml", 'd', 1);

    private static DeploySettings call(String definition, String deployment, String namespace) throws DeploymentFailure {
        return DeploySettings.resolve(DeployParameters.builder().definition(definition).deployment(deployment).namespace(namespace).build(),
                DeployDefaults.NONE);
    }

    @Test
    void eachCallTakesTheDeploymentItMadeFromItsDefinitionFile() throws Exception {
        List<DeploymentAction> build = List.of(EU, FANOUT);
        assertEquals(EU, RollbackTarget.choose(3, build, call("pipelines/orders.yaml", null, "prod")));
        assertEquals(FANOUT, RollbackTarget.choose(3, build, call("pipelines/fanout.yaml", null, "prod")));
    }

    @Test
    void theDeploymentNameAndThenTheNamespaceTellTwoDeploymentsOfOneFileApart() throws Exception {
        List<DeploymentAction> build = List.of(EU, US, STAGING);
        assertEquals(US, RollbackTarget.choose(3, build, call("pipelines/orders.yaml", "orders-us", "prod")));
        assertEquals(STAGING, RollbackTarget.choose(3, build, call("pipelines/orders.yaml", "orders-eu", "staging")));
        DeploymentFailure ambiguous = assertThrows(DeploymentFailure.class,
                () -> RollbackTarget.choose(3, build, call("pipelines/orders.yaml", null, "prod")));
        assertEquals("build #3 deployed prod/orders-eu from pipelines/orders.yaml, prod/orders-us from pipelines/orders.yaml, "
                + "staging/orders-eu from pipelines/orders.yaml: more than one of them is this deployment's (definition "
                + "pipelines/orders.yaml, namespace prod); name the deployment in the step to choose", ambiguous.getMessage());
    }

    @Test
    void aSingleDeploymentIsTakenEvenAfterItsFileWasRenamed() throws Exception {
        assertEquals(EU, RollbackTarget.choose(3, List.of(EU), call("renamed.yaml", null, "default")));
        DeploymentFailure none = assertThrows(DeploymentFailure.class, () -> RollbackTarget.choose(3, List.of(EU, FANOUT),
                call("renamed.yaml", null, "prod")));
        assertTrue(none.getMessage().contains(": none of them is this deployment's (definition renamed.yaml, namespace prod)"), none.getMessage());
    }

    @Test
    void dryRunsAreNothingToRollBackTo() {
        DeploymentAction dry = recorded("prod", "orders-eu", "pipelines/orders.yaml", 'e', 0, true, null);
        assertEquals("build #5 deployed nothing to roll back to (only dry runs)",
                assertThrows(DeploymentFailure.class, () -> RollbackTarget.choose(5, List.of(dry), call("pipelines/orders.yaml", null, "prod")))
                        .getMessage());
        assertEquals("build #5 deployed nothing to roll back to",
                assertThrows(DeploymentFailure.class, () -> RollbackTarget.choose(5, List.of(), call("pipelines/orders.yaml", null, "prod")))
                        .getMessage());
    }

    @Test
    void theRecordedSettingsWinAndARollbackIsNeverADryRun() throws Exception {
        DeploySettings now = DeploySettings.resolve(DeployParameters.builder().definition("pipelines/orders.yaml").namespace("elsewhere")
                .kafkaBootstrapServers("new-kafka:9092").timeout("1m").dryRun(true).build(), DeployDefaults.NONE);
        DeploySettings settings = RollbackTarget.settingsFor(EU, now, DeployDefaults.NONE);
        assertEquals("prod", settings.namespace());
        assertEquals("orders-eu", settings.deploymentFor("ignored"));
        assertEquals("kafka-prod:9092", settings.kafkaBootstrapServers());
        assertEquals("kafka-prod", settings.kafkaCredentialsId());
        assertEquals("7m", settings.timeout());
        assertFalse(settings.dryRun());
    }

    @Test
    void theRecordedNetworkPeersGoBackWithTheRollback() throws Exception {
        NetworkSettings then = NetworkSettings.builder().kafkaNamespaces("kafka").kafkaPodLabels("app=kafka").metricsNamespaces("monitoring").build();
        DeploymentAction recorded = new DeploymentAction(EU.toRecord(), "pipelines/orders.yaml", EU.getCanonicalDefinition(),
                DeployParameters.builder().definition("pipelines/orders.yaml").deployment("orders-eu").namespace("prod").network(then).build(), null);
        DeploySettings now = DeploySettings.resolve(DeployParameters.builder().definition("pipelines/orders.yaml")
                .network(NetworkSettings.builder().kafkaCidrs("10.0.0.0/8").build()).build(), DeployDefaults.NONE);
        assertEquals(then, RollbackTarget.settingsFor(recorded, now, DeployDefaults.NONE).network());
    }

    /**
     * Every recorded setting comes back (a setting added later needs no line in RollbackTarget), aimed at the recorded
     * deployment and image; a deployment made through a shadow is restored at once, without one, and never as a dry run.
     */
    @Test
    void everyRecordedSettingComesBackWithoutAShadow() throws Exception {
        DeployParameters then = DeployParametersTest.everyFieldSet().toBuilder().deployment("orders-eu").namespace("prod").build();
        DeploymentAction recorded = new DeploymentAction(EU.toRecord(), "p/orders.yaml", EU.getCanonicalDefinition(), then, null);
        DeploySettings now = DeploySettings.resolve(DeployParameters.builder().definition("p/orders.yaml").namespace("elsewhere")
                .kafkaSecurityProtocol("SASL_SSL").shadow(ShadowSettings.builder().enabled(true).build()).build(), DeployDefaults.NONE);
        DeploySettings settings = RollbackTarget.settingsFor(recorded, now, DeployDefaults.NONE);
        assertEquals(then.toBuilder().image("reg.example.com/orders").dryRun(false).shadow(ShadowSettings.NONE).build(),
                DeployParameters.of(settings));
        assertEquals(ShadowSettings.NONE, settings.shadow());
        assertFalse(settings.dryRun());
        assertEquals("SASL_PLAINTEXT", settings.kafkaSecurityProtocol());
        assertFalse(settings.waitForRollout(), "as recorded");
        assertEquals("reg.example.com/orders", settings.imageRepositoryFor("ignored"), "the recorded image's repository");
    }

    @Test
    void anOlderRecordWithoutSettingsUsesTheCurrentOnesAimedWhereItWent() throws Exception {
        DeploymentAction old = new DeploymentAction(EU.toRecord(), "pipelines/orders.yaml", EU.getCanonicalDefinition());
        DeploySettings now = DeploySettings.resolve(DeployParameters.builder().definition("pipelines/orders.yaml").namespace("elsewhere")
                .kafkaBootstrapServers("new-kafka:9092").build(), DeployDefaults.NONE);
        DeploySettings settings = RollbackTarget.settingsFor(old, now, DeployDefaults.NONE);
        assertEquals("prod", settings.namespace());
        assertEquals("orders-eu", settings.deployment());
        assertEquals("new-kafka:9092", settings.kafkaBootstrapServers());
    }

    @Test
    void aRollbackRequestIsNeverMergedIntoAnotherQueuedBuild() {
        RollbackRequest request = new RollbackRequest(3);
        assertTrue(request.shouldSchedule(List.of()));
        assertTrue(request.shouldSchedule(List.of(new RollbackRequest(3))), "not even into a rollback to the same build");
        assertEquals(3, request.getBuildNumber());
        assertThrows(IllegalArgumentException.class, () -> new RollbackRequest(0));
    }
}
