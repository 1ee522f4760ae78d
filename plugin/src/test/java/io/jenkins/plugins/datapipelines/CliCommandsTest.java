package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The command lines, option by option, as the real CLI's picocli options spell them (plugin-check runs them against
 * the real CLI): secrets only ever as the names of the variables that hold them.
 */
class CliCommandsTest {
    private static final ImageReference IMAGE = new ImageReference("registry.example.com/orders", "sha256:" + "ab".repeat(32));

    private static DeploySettings settings(DeployParameters.Builder step) throws DeploymentFailure {
        return DeploySettings.resolve(step.build(), DeployDefaults.NONE);
    }

    @Test
    void validateAsksForJson() {
        assertEquals(List.of("validate", "--output", "json", "--", "p/orders.yaml"), CliCommands.validate("p/orders.yaml"));
    }

    @Test
    void buildWithoutSettingsLeavesBaseImageAndLoginToTheCli() throws Exception {
        assertEquals(List.of("build", "--image", "registry.example.com/orders", "--output", "json", "--", "orders.yaml"),
                CliCommands.build(settings(DeployParameters.builder().definition("orders.yaml")), "registry.example.com/orders"));
    }

    @Test
    void buildNamesTheBaseImageTheCredentialVariablesAndPlainHttp() throws Exception {
        DeploySettings settings = settings(DeployParameters.builder().definition("orders.yaml").baseImage("docker-archive:/opt/jre.tar")
                .registryCredentialsId("registry").insecureRegistry(true));
        assertEquals(List.of("build", "--image", "127.0.0.1:5000/orders", "--base-image", "docker-archive:/opt/jre.tar",
                        "--insecure", "--registry-username-env", "DATAPIPELINES_REGISTRY_USERNAME",
                        "--registry-password-env", "DATAPIPELINES_REGISTRY_PASSWORD", "--output", "json", "--", "orders.yaml"),
                CliCommands.build(settings, "127.0.0.1:5000/orders"));
    }

    @Test
    void deployPinsTheDigestNamesKafkaAndWaitsWithItsTimeout() throws Exception {
        DeploySettings settings = settings(DeployParameters.builder().definition("orders.yaml").namespace("prod").kafkaBootstrapServers("k:9093")
                .kafkaCredentialsId("kafka").kafkaSaslMechanism("SCRAM-SHA-512").timeout("90s"));
        assertEquals(List.of("deploy", "--image", "registry.example.com/orders@sha256:" + "ab".repeat(32),
                        "--deployment", "orders-eu", "--namespace", "prod", "--kubeconfig", "/w@tmp/kubeconfig1.yaml",
                        "--bootstrap-servers", "k:9093", "--kafka-username-env", "DATAPIPELINES_KAFKA_USERNAME",
                        "--kafka-password-env", "DATAPIPELINES_KAFKA_PASSWORD", "--kafka-sasl-mechanism", "SCRAM-SHA-512",
                        "--kafka-security-protocol", "SASL_SSL", "--wait", "--timeout", "90s",
                        "--cause", "Jenkins orders #7", "--build-url", "https://ci.example.com/job/orders/7/", "--output", "json", "--", "orders.yaml"),
                CliCommands.deploy(settings, "orders.yaml", IMAGE, "orders-eu", "/w@tmp/kubeconfig1.yaml", "Jenkins orders #7",
                        "https://ci.example.com/job/orders/7/"));
    }

    @Test
    void deployNamesTheNetworkPolicysPeersThatAreSetAfterTheKafkaLogin() throws Exception {
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().definition("orders.yaml").kafkaBootstrapServers("k:9093")
                .network(NetworkSettings.builder().kafkaNamespaces("kafka, kafka-eu").kafkaPodLabels("strimzi.io/kind=Kafka")
                        .metricsNamespaces("monitoring").build()).waitForRollout(false).build(),
                DeployDefaults.of(DeployParameters.builder()
                        .network(NetworkSettings.builder().kafkaCidrs("10.0.0.0/8").dnsPodLabels("k8s-app=coredns").build()).build()));
        assertEquals(List.of("deploy", "--image", IMAGE.toString(), "--deployment", "orders", "--namespace", "default",
                        "--bootstrap-servers", "k:9093", "--kafka-cidr", "10.0.0.0/8", "--kafka-namespace", "kafka", "--kafka-namespace", "kafka-eu",
                        "--kafka-pod-label", "strimzi.io/kind=Kafka", "--dns-pod-label", "k8s-app=coredns", "--metrics-namespace", "monitoring",
                        "--output", "json", "--", "orders.yaml"),
                CliCommands.deploy(settings, "orders.yaml", IMAGE, "orders", null, null, null));
    }

    @Test
    void deployThroughAShadowPassesOnlyTheThresholdsThatAreSet() throws Exception {
        DeploySettings settings = settings(DeployParameters.builder().definition("orders.yaml").waitForRollout(false)
                .shadow(ShadowSettings.builder().enabled(true).records(" 5000 ").maxNewDeadLetterRate("0.01").build()));
        assertEquals(List.of("deploy", "--image", IMAGE.toString(), "--deployment", "orders", "--namespace", "default",
                        "--shadow", "--shadow-records", "5000", "--shadow-max-new-dead-letter-rate", "0.01", "--output", "json", "--", "orders.yaml"),
                CliCommands.deploy(settings, "orders.yaml", IMAGE, "orders", null, null, null));

        DeploySettings every = settings(DeployParameters.builder().definition("orders.yaml").waitForRollout(false)
                .shadow(ShadowSettings.builder().enabled(true).records("10").timeout("90s").maxChangedRate("0.5").maxNewDeadLetterRate("0").build()));
        assertEquals(List.of("--shadow", "--shadow-records", "10", "--shadow-timeout", "90s", "--shadow-max-changed-rate", "0.5",
                "--shadow-max-new-dead-letter-rate", "0"), every.shadow().deployArguments());
    }

    @Test
    void thresholdsWithoutTheShadowPassNothingAndARollbackNeverRunsAShadow() throws Exception {
        DeploySettings off = settings(DeployParameters.builder().definition("orders.yaml").waitForRollout(false)
                .shadow(ShadowSettings.builder().records("10").timeout("90s").build()));
        assertEquals(List.of("deploy", "--image", IMAGE.toString(), "--deployment", "orders", "--namespace", "default",
                        "--output", "json", "--", "orders.yaml"),
                CliCommands.deploy(off, "orders.yaml", IMAGE, "orders", null, null, null));
        DeploySettings on = settings(DeployParameters.builder().definition("orders.yaml").waitForRollout(false)
                .shadow(ShadowSettings.builder().enabled(true).build()));
        assertEquals(List.of("deploy", "--image", IMAGE.toString(), "--deployment", "orders", "--namespace", "default",
                        "--output", "json", "--", "recorded.json"),
                CliCommands.deploy(on.withoutShadow(), "recorded.json", IMAGE, "orders", null, null, null));
    }

    @Test
    void aThresholdTheCliWouldRejectFailsBeforeItStarts() {
        for (ShadowSettings.Builder wrong : List.of(ShadowSettings.builder().records("0"), ShadowSettings.builder().records("1e3"),
                ShadowSettings.builder().timeout("ten minutes"), ShadowSettings.builder().maxChangedRate("1.5"),
                ShadowSettings.builder().maxNewDeadLetterRate("-0.1"), ShadowSettings.builder().maxChangedRate("NaN"))) {
            DeploymentFailure failure = org.junit.jupiter.api.Assertions.assertThrows(DeploymentFailure.class,
                    () -> settings(DeployParameters.builder().shadow(wrong.enabled(true).build())));
            org.junit.jupiter.api.Assertions.assertTrue(failure.getMessage().startsWith("shadow"), failure.getMessage());
        }
    }

    @Test
    void deployWithoutKubeconfigKafkaWaitOrCauseButWithDryRun() throws Exception {
        DeploySettings settings = settings(DeployParameters.builder().definition("orders.yaml").waitForRollout(false).dryRun(true));
        assertEquals(List.of("deploy", "--image", IMAGE.toString(), "--deployment", "orders", "--namespace", "default",
                        "--dry-run", "--output", "json", "--", "recorded.json"),
                CliCommands.deploy(settings, "recorded.json", IMAGE, "orders", null, null, null));
    }

    @Test
    void aDefinitionNamedLikeAnOptionComesAfterTheEndOfOptions() throws Exception {
        DeploySettings settings = settings(DeployParameters.builder().definition("-x.yaml"));
        for (List<String> command : List.of(CliCommands.validate("-x.yaml"), CliCommands.build(settings, "registry.example.com/orders"),
                CliCommands.deploy(settings, "-x.yaml", IMAGE, "orders", null, null, null))) {
            assertEquals(List.of("--", "-x.yaml"), command.subList(command.size() - 2, command.size()), command.toString());
            assertEquals(1, java.util.Collections.frequency(command, "--"), command.toString());
        }
    }
}
