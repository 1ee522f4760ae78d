package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploySettingsTest {
    private static final DeployDefaults GLOBAL = new DeployDefaults("pipelines", "registry.example.com/pipelines/", "registry-global",
            "kube-global", "kafka:9092", "kafka-global", "10m");

    private static DeployParameters step(String namespace, String image, String registry, String timeout) {
        return new DeployParameters(null, null, namespace, image, registry, null, null, null, true, timeout, false);
    }

    @Test
    void stepValuesWinOverGlobalDefaults() throws Exception {
        DeploySettings settings = DeploySettings.resolve(
                new DeployParameters("p/orders.yaml", "orders-eu", "prod", "ghcr.io/acme/orders", "reg", "kube", "b:9093", "kafka", false, "90s", true),
                GLOBAL);
        assertEquals("p/orders.yaml", settings.definition());
        assertEquals("orders-eu", settings.deploymentFor("orders"));
        assertEquals("prod", settings.namespace());
        assertEquals("ghcr.io/acme/orders", settings.imageRepositoryFor("orders"));
        assertEquals("reg", settings.registryCredentialsId());
        assertEquals("kube", settings.kubeconfigCredentialsId());
        assertEquals("b:9093", settings.kafkaBootstrapServers());
        assertEquals("kafka", settings.kafkaCredentialsId());
        assertFalse(settings.waitForRollout());
        assertEquals("90s", settings.timeout());
        assertTrue(settings.dryRun());
    }

    @Test
    void globalDefaultsFillWhatTheStepLeavesOut() throws Exception {
        DeploySettings settings = DeploySettings.resolve(step(null, null, null, null), GLOBAL);
        assertEquals(DeployParameters.DEFAULT_DEFINITION, settings.definition());
        assertEquals("pipelines", settings.namespace());
        assertEquals("registry.example.com/pipelines/orders-cleanup", settings.imageRepositoryFor("orders-cleanup"));
        assertEquals("registry-global", settings.registryCredentialsId());
        assertEquals("kube-global", settings.kubeconfigCredentialsId());
        assertEquals("kafka:9092", settings.kafkaBootstrapServers());
        assertEquals("kafka-global", settings.kafkaCredentialsId());
        assertEquals("10m", settings.timeout());
    }

    @Test
    void builtInDefaultsComeLast() throws Exception {
        DeploySettings settings = DeploySettings.resolve(step(null, "orders", null, null), DeployDefaults.NONE);
        assertEquals("default", settings.namespace());
        assertEquals("5m", settings.timeout());
        assertNull(settings.registryCredentialsId());
        assertNull(settings.kubeconfigCredentialsId());
        assertEquals("orders-cleanup", settings.deploymentFor("orders-cleanup"));
    }

    @Test
    void blanksMeanNotSet() throws Exception {
        DeploySettings settings = DeploySettings.resolve(
                new DeployParameters("  ", " ", " ", " ", "", " ", " ", "", true, " ", false), GLOBAL);
        assertEquals(DeployParameters.DEFAULT_DEFINITION, settings.definition());
        assertEquals("pipelines", settings.namespace());
        assertEquals("registry-global", settings.registryCredentialsId());
        assertEquals("10m", settings.timeout());
    }

    @Test
    void withoutImageOrPrefixTheMessageSaysWhereToSetOne() throws Exception {
        DeploySettings settings = DeploySettings.resolve(step(null, null, null, null), DeployDefaults.NONE);
        DeploymentFailure failure = assertThrows(DeploymentFailure.class, () -> settings.imageRepositoryFor("orders"));
        assertEquals("no image repository for pipeline 'orders': set 'image' in the step, or an image repository prefix in "
                + "Manage Jenkins > System > Data Pipelines", failure.getMessage());
    }

    @Test
    void badValuesFailBeforeAnythingRunsNamingTheValue() {
        assertEquals("namespace 'Prod' is not a valid Kubernetes namespace: lower-case letters, digits and '-', at most 63 characters",
                assertThrows(DeploymentFailure.class, () -> DeploySettings.resolve(step("Prod", "x", null, null), GLOBAL)).getMessage());
        assertTrue(assertThrows(DeploymentFailure.class, () -> DeploySettings.resolve(step(null, "reg/x:1.0", null, null), GLOBAL))
                .getMessage().startsWith("image 'reg/x:1.0' is not an image repository"));
        assertEquals("timeout '5 minutes' must be a duration such as 90s, 5m or 1h30m",
                assertThrows(DeploymentFailure.class, () -> DeploySettings.resolve(step(null, "x", null, "5 minutes"), GLOBAL)).getMessage());
        assertTrue(assertThrows(DeploymentFailure.class, () -> DeploySettings.resolve(
                new DeployParameters("../x.yaml", null, null, "x", null, null, null, null, true, null, false), GLOBAL))
                .getMessage().startsWith("definition '../x.yaml' must be a path inside the workspace"));
        assertTrue(assertThrows(DeploymentFailure.class, () -> DeploySettings.resolve(
                new DeployParameters(null, null, null, "x", null, null, "kafka", null, true, null, false), GLOBAL))
                .getMessage().startsWith("kafkaBootstrapServers 'kafka' must be host:port"));
        assertTrue(assertThrows(DeploymentFailure.class, () -> DeploySettings.resolve(
                new DeployParameters(null, "Orders", null, "x", null, null, null, null, true, null, false), GLOBAL))
                .getMessage().startsWith("deployment 'Orders' is not a valid name"));
    }

    @Test
    void aPipelineNameThatCannotNameADeploymentAsksForOne() throws Exception {
        DeploySettings settings = DeploySettings.resolve(step(null, "x", null, null), GLOBAL);
        assertEquals("pipeline name 'Orders_Cleanup' cannot be used as a deployment name; set 'deployment' in the step",
                assertThrows(DeploymentFailure.class, () -> settings.deploymentFor("Orders_Cleanup")).getMessage());
    }
}
