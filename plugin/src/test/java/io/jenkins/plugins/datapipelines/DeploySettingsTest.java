package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploySettingsTest {
    private static final DeployDefaults GLOBAL = new DeployDefaults(DeployParameters.builder().namespace("pipelines")
            .baseImage("registry.example.com/java/jre@sha256:" + "0".repeat(64)).registryCredentialsId("registry-global")
            .kubeconfigCredentialsId("kube-global").kafkaBootstrapServers("kafka:9092").kafkaCredentialsId("kafka-global")
            .kafkaSaslMechanism("SCRAM-SHA-512").kafkaSecurityProtocol("SASL_PLAINTEXT").timeout("10m").build(), "registry.example.com/pipelines/");

    private static DeployParameters step(String namespace, String image, String registry, String timeout) {
        return DeployParameters.builder().namespace(namespace).image(image).registryCredentialsId(registry).timeout(timeout).build();
    }

    @Test
    void stepValuesWinOverGlobalDefaults() throws Exception {
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().definition("p/orders.yaml").deployment("orders-eu")
                .namespace("prod").image("ghcr.io/acme/orders").baseImage("docker-archive:/opt/jre.tar").registryCredentialsId("reg")
                .insecureRegistry(true).kubeconfigCredentialsId("kube").kafkaBootstrapServers("b:9093").kafkaCredentialsId("kafka")
                .kafkaSaslMechanism("PLAIN").kafkaSecurityProtocol("SASL_SSL").waitForRollout(false).timeout("90s").dryRun(true).build(), GLOBAL);
        assertEquals("p/orders.yaml", settings.definition());
        assertEquals("orders-eu", settings.deploymentFor("orders"));
        assertEquals("prod", settings.namespace());
        assertEquals("ghcr.io/acme/orders", settings.imageRepositoryFor("orders"));
        assertEquals("docker-archive:/opt/jre.tar", settings.baseImage());
        assertEquals("reg", settings.registryCredentialsId());
        assertTrue(settings.insecureRegistry());
        assertEquals("kube", settings.kubeconfigCredentialsId());
        assertEquals("b:9093", settings.kafkaBootstrapServers());
        assertEquals("kafka", settings.kafkaCredentialsId());
        assertEquals("PLAIN", settings.kafkaSaslMechanism());
        assertEquals("SASL_SSL", settings.kafkaSecurityProtocol());
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
        assertEquals(GLOBAL.values().baseImage(), settings.baseImage());
        assertEquals("registry-global", settings.registryCredentialsId());
        assertFalse(settings.insecureRegistry());
        assertEquals("kube-global", settings.kubeconfigCredentialsId());
        assertEquals("kafka:9092", settings.kafkaBootstrapServers());
        assertEquals("kafka-global", settings.kafkaCredentialsId());
        assertEquals("SCRAM-SHA-512", settings.kafkaSaslMechanism());
        assertEquals("SASL_PLAINTEXT", settings.kafkaSecurityProtocol());
        assertEquals("10m", settings.timeout());
    }

    @Test
    void plainHttpIsAllowedWhenTheStepOrTheGlobalConfigurationAllowsIt() throws Exception {
        DeployDefaults insecure = DeployDefaults.of(DeployParameters.builder().insecureRegistry(true).build());
        assertTrue(DeploySettings.resolve(step(null, "x", null, null), insecure).insecureRegistry());
        assertTrue(DeploySettings.resolve(DeployParameters.builder().insecureRegistry(true).build(), DeployDefaults.NONE).insecureRegistry());
        assertFalse(DeploySettings.resolve(step(null, "x", null, null), DeployDefaults.NONE).insecureRegistry());
    }

    /** The defaults are a whole DeployParameters, but what only a deployment can have is never taken from them. */
    @Test
    void aDeploymentsOwnSettingsAreNeverDefaults() throws Exception {
        DeployDefaults global = new DeployDefaults(DeployParametersTest.everyFieldSet(), "registry.example.com/pipelines");
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().build(), global);
        assertEquals(DeployParameters.DEFAULT_DEFINITION, settings.definition());
        assertNull(settings.deployment());
        assertEquals("registry.example.com/pipelines/orders", settings.imageRepositoryFor("orders"), "not the defaults' image");
        assertTrue(settings.waitForRollout());
        assertFalse(settings.dryRun());
        assertEquals(ShadowSettings.NONE, settings.shadow());
        assertEquals("prod", settings.namespace(), "while the settings a default can have are taken");
        assertEquals("SASL_PLAINTEXT", settings.kafkaSecurityProtocol());
        assertTrue(settings.insecureRegistry());
        assertEquals("kafka", settings.network().kafkaNamespaces());
    }

    @Test
    void builtInDefaultsComeLast() throws Exception {
        DeploySettings settings = DeploySettings.resolve(step(null, "orders", null, null), DeployDefaults.NONE);
        assertEquals("default", settings.namespace());
        assertEquals("5m", settings.timeout());
        assertNull(settings.baseImage());
        assertNull(settings.registryCredentialsId());
        assertNull(settings.kubeconfigCredentialsId());
        assertEquals("PLAIN", settings.kafkaSaslMechanism());
        assertEquals("SASL_SSL", settings.kafkaSecurityProtocol());
        assertEquals("orders-cleanup", settings.deploymentFor("orders-cleanup"));
    }

    @Test
    void blanksMeanNotSet() throws Exception {
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().definition("  ").deployment(" ").namespace(" ").image(" ")
                .baseImage(" ").registryCredentialsId("").kubeconfigCredentialsId(" ").kafkaBootstrapServers(" ").kafkaCredentialsId("")
                .kafkaSaslMechanism(" ").kafkaSecurityProtocol("").timeout(" ").build(), GLOBAL);
        assertEquals(DeployParameters.DEFAULT_DEFINITION, settings.definition());
        assertEquals("pipelines", settings.namespace());
        assertEquals(GLOBAL.values().baseImage(), settings.baseImage());
        assertEquals("registry-global", settings.registryCredentialsId());
        assertEquals("SCRAM-SHA-512", settings.kafkaSaslMechanism());
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
    void aBaseImageAndBootstrapServersComeFromTheSettingsOrTheAgentsEnvironment() throws Exception {
        DeploySettings none = DeploySettings.resolve(step(null, "x", null, null), DeployDefaults.NONE);
        assertEquals("no base image to build on: set 'baseImage' in the step, a default base image in Manage Jenkins > System > "
                        + "Data Pipelines, or DATAPIPELINES_BASE_IMAGE in the agent's environment",
                assertThrows(DeploymentFailure.class, () -> none.checkAgainst(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092"))).getMessage());
        assertEquals("no Kafka bootstrap servers for the pipeline: set 'kafkaBootstrapServers' in the step, in Manage Jenkins > System > "
                        + "Data Pipelines, or KAFKA_BOOTSTRAP_SERVERS in the agent's environment",
                assertThrows(DeploymentFailure.class, () -> none.checkAgainst(Map.of("DATAPIPELINES_BASE_IMAGE", "jre:17"))).getMessage());
        assertDoesNotThrow(() -> none.checkAgainst(Map.of("DATAPIPELINES_BASE_IMAGE", "jre:17", "KAFKA_BOOTSTRAP_SERVERS", "k:9092")));
        assertDoesNotThrow(() -> DeploySettings.resolve(step(null, "x", null, null), GLOBAL).checkAgainst(Map.of()));
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
                DeployParameters.builder().definition("../x.yaml").image("x").build(), GLOBAL))
                .getMessage().startsWith("definition '../x.yaml' must be a path inside the workspace"));
        assertTrue(assertThrows(DeploymentFailure.class, () -> DeploySettings.resolve(
                DeployParameters.builder().image("x").kafkaBootstrapServers("kafka").build(), GLOBAL))
                .getMessage().startsWith("kafkaBootstrapServers 'kafka' must be host:port"));
        assertTrue(assertThrows(DeploymentFailure.class, () -> DeploySettings.resolve(
                DeployParameters.builder().deployment("Orders").image("x").build(), GLOBAL))
                .getMessage().startsWith("deployment 'Orders' is not a valid name"));
        assertEquals("base image 'jre 17' is not an image reference such as registry.example.com/java/jre@sha256:... or docker-archive:PATH",
                assertThrows(DeploymentFailure.class, () -> DeploySettings.resolve(
                        DeployParameters.builder().baseImage("jre 17").build(), GLOBAL)).getMessage());
        assertEquals("kafkaSaslMechanism 'GSSAPI' must be one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512",
                assertThrows(DeploymentFailure.class, () -> DeploySettings.resolve(
                        DeployParameters.builder().kafkaSaslMechanism("GSSAPI").build(), GLOBAL)).getMessage());
        assertEquals("kafkaSecurityProtocol 'SSL' must be one of SASL_SSL, SASL_PLAINTEXT (a username and password need SASL)",
                assertThrows(DeploymentFailure.class, () -> DeploySettings.resolve(
                        DeployParameters.builder().kafkaSecurityProtocol("SSL").build(), GLOBAL)).getMessage());
    }

    @Test
    void aPipelineNameThatCannotNameADeploymentAsksForOne() throws Exception {
        DeploySettings settings = DeploySettings.resolve(step(null, "x", null, null), GLOBAL);
        assertEquals("pipeline name 'Orders_Cleanup' cannot be used as a deployment name; set 'deployment' in the step",
                assertThrows(DeploymentFailure.class, () -> settings.deploymentFor("Orders_Cleanup")).getMessage());
    }

    @Test
    void networkPeersMergeWithTheGlobalDefaultsSettingBySetting() throws Exception {
        DeployDefaults global = DeployDefaults.of(DeployParameters.builder()
                .network(NetworkSettings.builder().kafkaCidrs("10.0.0.0/8").kafkaPodLabels("app=kafka").metricsNamespaces("monitoring").build())
                .build());
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder()
                .network(NetworkSettings.builder().kafkaPodLabels("strimzi.io/kind=Kafka").dnsNamespace("dns").build()).build(), global);
        assertEquals(NetworkSettings.builder().kafkaCidrs("10.0.0.0/8").kafkaPodLabels("strimzi.io/kind=Kafka").dnsNamespace("dns")
                .metricsNamespaces("monitoring").build(), settings.network());
        assertEquals(NetworkSettings.NONE, DeploySettings.resolve(DeployParameters.builder().build(), DeployDefaults.NONE).network(),
                "nothing set anywhere: the CLI's defaults");
        assertEquals(settings.network(), DeployParameters.of(settings).network(), "recorded with the deployment, for a rollback");
    }

    @Test
    void anInvalidNetworkPeerFailsBeforeTheCliRunsEvenFromTheGlobalDefaults() {
        DeployDefaults global = DeployDefaults.of(DeployParameters.builder()
                .network(NetworkSettings.builder().kafkaCidrs("10.0.0.0/8 kafka.example.com").build()).build());
        assertEquals("kafkaCidrs: 'kafka.example.com' is not a CIDR such as 10.0.12.0/24 or fd00::/64",
                assertThrows(DeploymentFailure.class, () -> DeploySettings.resolve(DeployParameters.builder().build(), global)).getMessage());
        assertEquals("10.0.12.0/24", assertDoesNotThrowResolve(DeployParameters.builder()
                .network(NetworkSettings.builder().kafkaCidrs("10.0.12.0/24").build()).build(), global).network().kafkaCidrs(),
                "a step's own value replaces the broken default");
    }

    private static DeploySettings assertDoesNotThrowResolve(DeployParameters step, DeployDefaults defaults) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> DeploySettings.resolve(step, defaults));
    }
}
