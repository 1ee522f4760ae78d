package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real CLI distribution, installed from a file: URL with its SHA-256 as the tool installers install it (the
 * plugin's own cache code) and run with the
 * command line the step builds: everything the step does on an agent except going through Jenkins' Launcher.
 * Only validate, and deploy as a dry run, can run here: build and a real deploy need a registry and a cluster
 * (RealCliEndToEndTest).
 */
class InstalledCliTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "../examples"));

    @TempDir
    static Path agent;

    static CliDistribution bundle;
    static String jar;

    @BeforeAll
    static void installLikeAnAgentWould() throws Exception {
        bundle = PackagedCli.distribution();
        assumeTrue(bundle != null, PackagedCli.SKIPPED);
        List<String> log = new java.util.ArrayList<>();
        jar = new CliCache(new LocalInstallLocation(agent.resolve("tools/datapipelines-cli")), bundle).ensureInstalled(log::add);
        assertThat(log).hasSize(1);
    }

    private static CliOutcome run(List<String> arguments) throws IOException, InterruptedException {
        return new LocalCli(jar, EXAMPLES, new CliEnvironment()).run(arguments);
    }

    @Test
    void theStepsValidateCommandRunsAndItsResultIsWhatTheStepRecords() throws Exception {
        CliOutcome outcome = run(CliCommands.validate("orders-cleanup.yaml"));
        assertThat(outcome.exitCode()).as(outcome.failureMessage()).isZero();
        ValidationResult result = CliResultParser.validation(outcome.stdout());
        assertThat(result.pipeline()).isEqualTo("orders-cleanup");
        assertThat(result.canonicalDefinition()).startsWith("{\"apiVersion\":");
        assertThat(CliResultParser.sha256(result.canonicalDefinition())).isEqualTo(result.revisionHash());
    }

    @Test
    void anInvalidDefinitionFailsWithTheClisOwnMessage(@TempDir Path dir) throws Exception {
        String broken = Files.readString(EXAMPLES.resolve("orders-cleanup.yaml")).replaceFirst("topic: ", "topik: ");
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, broken);
        CliOutcome outcome = run(CliCommands.validate(file.toString()));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.failureMessage()).startsWith("datapipelines validate rejected its input (exit code 2):\n  " + file + ":");
        assertThrows(DeploymentFailure.class, () -> CliResultParser.validation(outcome.stdout()));
    }

    /**
     * The NetworkPolicy's peers as the step passes them (a dry run needs no registry and no cluster): the real CLI takes
     * every option CliCommands builds and names exactly those peers in the policy it would apply.
     */
    @Test
    void theStepsDeployOptionsForTheNetworkPolicyReachThePolicy() throws Exception {
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder().definition("orders-cleanup.yaml").namespace("pipelines")
                .kafkaBootstrapServers("kafka-0.kafka.svc:9093").waitForRollout(false).dryRun(true)
                .network(NetworkSettings.builder().kafkaNamespaces("kafka").kafkaPodLabels("strimzi.io/kind=Kafka").metricsNamespaces("monitoring")
                        .build()).build(),
                DeployDefaults.of(DeployParameters.builder()
                        .network(NetworkSettings.builder().kafkaCidrs("10.0.12.0/24, 10.0.13.0/24").dnsPodLabels("k8s-app=coredns").build()).build()));
        ImageReference image = new ImageReference("registry.example.com/pipelines/orders-cleanup", "sha256:" + "ab".repeat(32));
        CliOutcome outcome = run(CliCommands.deploy(settings, settings.definition(), image, "prod", null, null, null));
        assertThat(outcome.exitCode()).as(outcome.failureMessage()).isZero();
        com.fasterxml.jackson.databind.JsonNode policy = null;
        for (com.fasterxml.jackson.databind.JsonNode item : new com.fasterxml.jackson.databind.ObjectMapper().readTree(outcome.stdout())
                .path("manifests").path("items")) {
            if (item.path("kind").asText().equals("NetworkPolicy")) {
                policy = item.path("spec");
            }
        }
        assertThat(policy).as("the NetworkPolicy among the manifests").isNotNull();
        assertThat(policy.toString()).isEqualTo("""
                {"egress":[{"ports":[{"port":53,"protocol":"UDP"},{"port":53,"protocol":"TCP"}],"to":[{"namespaceSelector":\
                {"matchLabels":{"kubernetes.io/metadata.name":"kube-system"}},"podSelector":{"matchLabels":{"k8s-app":"coredns"}}}]},\
                {"ports":[{"port":9093,"protocol":"TCP"}],"to":[{"ipBlock":{"cidr":"10.0.12.0/24"}},{"ipBlock":{"cidr":"10.0.13.0/24"}},\
                {"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"kafka"}},"podSelector":{"matchLabels":\
                {"strimzi.io/kind":"Kafka"}}}]}],"ingress":[{"from":[{"namespaceSelector":{"matchLabels":\
                {"kubernetes.io/metadata.name":"monitoring"}}}],"ports":[{"port":8080,"protocol":"TCP"}]}],"podSelector":{"matchLabels":\
                {"io.datapipelines/pipeline":"orders-cleanup","io.datapipelines/deployment":"prod"}},"policyTypes":["Ingress","Egress"]}""");
        assertThat(String.join("\n", outcome.stderrTail())).doesNotContain("Kafka egress is open").doesNotContain("metrics port 8080 is open");
    }

    /**
     * The shadow's options as the step passes them: the real CLI takes every one (picocli refuses an unknown option
     * with exit 2). A dry run runs no shadow and says so, and its result has no shadow section.
     */
    @Test
    void theStepsShadowOptionsAreTheClis() throws Exception {
        DeployParameters.Builder step = DeployParameters.builder().definition("orders-cleanup.yaml").namespace("pipelines")
                .kafkaBootstrapServers("kafka-0.kafka.svc:9093").waitForRollout(false).dryRun(true);
        DeploySettings settings = DeploySettings.resolve(step.shadow(ShadowSettings.builder().enabled(true).records("5000").timeout("20m")
                .maxChangedRate("0.01").maxNewDeadLetterRate("0.001").build()).build(), DeployDefaults.NONE);
        ImageReference image = new ImageReference("registry.example.com/pipelines/orders-cleanup", "sha256:" + "ab".repeat(32));
        List<String> arguments = CliCommands.deploy(settings, settings.definition(), image, "prod", null, null, null);
        assertThat(arguments).contains("--shadow", "--shadow-records", "--shadow-timeout", "--shadow-max-changed-rate",
                "--shadow-max-new-dead-letter-rate");
        CliOutcome outcome = run(arguments);
        assertThat(outcome.exitCode()).as(outcome.failureMessage()).isZero();
        assertThat(String.join("\n", outcome.stderrTail())).contains("no shadow is run");
        assertThat(CliResultParser.shadow(outcome.stdout())).as("a dry run has no shadow section").isNull();
        assertThat(CliResultParser.rollout(outcome.stdout(), true).status()).isEqualTo(RolloutResult.DRY_RUN);
    }

    @Test
    void theSecondInstallFindsTheCache() throws Exception {
        LocalInstallLocation location = new LocalInstallLocation(agent.resolve("tools/datapipelines-cli"));
        assertThat(new CliCache(location, bundle).ensureInstalled(line -> { throw new AssertionError("copied again: " + line); }))
                .isEqualTo(jar);
        assertThat(location.unzips).isZero();
    }
}
