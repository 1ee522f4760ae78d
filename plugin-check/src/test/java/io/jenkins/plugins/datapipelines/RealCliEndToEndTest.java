package io.jenkins.plugins.datapipelines;

import io.datapipelines.image.TinyBaseImage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The step's own deployment sequence ({@link DeploymentSequence}: the command lines of {@link CliCommands}, the
 * environment of {@link CliEnvironment}, the parsing of {@link CliResultParser}, the checks of
 * {@link DeploymentRecord}) run against the REAL CLI as a tool installer installs it: validate, then build with the
 * definition's tests, pushed to a real registry that requires a login (the registry credential's variables), then
 * deploy to fabric8's mock Kubernetes API server with the Kafka credential kept in the deployment's Secret, and a dry
 * run. Everything the step does on an agent except Jenkins' Launcher and the build record.
 */
@EnableKubernetesMockClient(crud = true)
class RealCliEndToEndTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "../examples"));
    private static final String KAFKA_PASSWORD = "k4fka-s3cret-pw";
    /** Jib sends credentials over plain HTTP only when told so (the test registry has no TLS); the step's defaults otherwise. */
    private static final String JAVA_OPTS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -DsendCredentialsOverHttp=true";

    @TempDir
    static Path shared;
    static String jar;
    static AuthenticatedRegistry registry;
    static String baseImage;

    KubernetesClient client;
    @TempDir
    Path workspace;
    /** Beside the workspace, per test: files the step keeps outside it (a path under the shared /tmp would be another build's too). */
    @TempDir
    Path outside;
    private Path kubeconfig;
    private final ByteArrayOutputStream stepLog = new ByteArrayOutputStream();

    @BeforeAll
    static void installTheCliAndStartARegistry() throws Exception {
        CliDistribution bundle = PackagedCli.distribution();
        assumeTrue(bundle != null, PackagedCli.SKIPPED);
        jar = new CliCache(new LocalInstallLocation(shared.resolve("agent/tools/datapipelines-cli")), bundle).ensureInstalled(line -> { });
        registry = AuthenticatedRegistry.start(Files.createDirectories(shared.resolve("registry")));
        baseImage = "docker-archive:" + TinyBaseImage.write(shared.resolve("tiny-base.tar"));
    }

    @AfterAll
    static void stopTheRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void workspaceWithADefinitionAndAKubeconfig() throws Exception {
        Files.createDirectories(workspace.resolve("pipelines"));
        Files.copy(EXAMPLES.resolve("orders-cleanup.yaml"), workspace.resolve("pipelines/orders.yaml"));
        kubeconfig = outside.resolve("kubeconfig.yaml");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                users:
                - name: deployer
                  user: {token: not-a-real-token}
                contexts:
                - name: mock
                  context: {cluster: mock, user: deployer}
                current-context: mock
                """.formatted(client.getConfiguration().getMasterUrl()));
    }

    private DeploySettings settings(boolean dryRun) throws DeploymentFailure {
        DeploySettings settings = DeploySettings.resolve(DeployParameters.builder()
                .definition("pipelines/orders.yaml").deployment("prod").namespace("pipelines")
                .image(registry.address() + "/pipelines/orders-cleanup").baseImage(baseImage)
                .registryCredentialsId("registry").insecureRegistry(true)
                .kafkaBootstrapServers("kafka-0.kafka.svc:9093").kafkaCredentialsId("kafka").kafkaSaslMechanism("SCRAM-SHA-512")
                .waitForRollout(false) // the mock API server runs no Deployment controller: nothing would ever become available
                .dryRun(dryRun).build(), DeployDefaults.NONE);
        settings.checkAgainst(Map.of());
        return settings;
    }

    private LocalCli cli(String registryPassword) {
        return cli(registryPassword, JAVA_OPTS);
    }

    private LocalCli cli(String registryPassword, String javaOptions) {
        CliEnvironment environment = new CliEnvironment().registry(AuthenticatedRegistry.USER, registryPassword)
                .kafkaCredentials("svc-orders", KAFKA_PASSWORD);
        return new LocalCli(jar, workspace, Map.of(JavaCommand.JAVA_OPTS_VARIABLE, javaOptions,
                "DATAPIPELINES_CACHE_DIR", shared.resolve("jib-cache").toString()), environment);
    }

    private DeploymentSequence.Outcome deploy(LocalCli cli, DeploySettings settings, String buildNumber) throws Exception {
        return new DeploymentSequence(cli.runner(), new PrintStream(stepLog, true, StandardCharsets.UTF_8), cli.masker())
                .deploy(settings, Kubeconfig.at(settings.dryRun() ? null : kubeconfig.toString()), "Jenkins orders #" + buildNumber,
                        "https://ci.example.com/job/orders/" + buildNumber + "/");
    }

    @Test
    void validatesBuildsPushesWithTheRegistryLoginAndDeploysWithTheKafkaLoginInASecret() throws Exception {
        LocalCli cli = cli(AuthenticatedRegistry.PASSWORD);
        DeploymentRecord record = deploy(cli, settings(false), "1").record();
        String log = cli.log();

        assertThat(record.pipeline()).isEqualTo("orders-cleanup");
        assertThat(record.deployment()).isEqualTo("prod");
        assertThat(record.namespace()).isEqualTo("pipelines");
        assertThat(record.image().repository()).isEqualTo(registry.address() + "/pipelines/orders-cleanup");
        assertThat(record.kubernetesRevision()).isEqualTo(1);
        assertThat(record.status()).isEqualTo("applied");
        assertThat(log).contains("+ datapipelines build --image " + registry.address() + "/pipelines/orders-cleanup "
                + "--base-image " + baseImage + " --insecure --registry-username-env DATAPIPELINES_REGISTRY_USERNAME "
                + "--registry-password-env DATAPIPELINES_REGISTRY_PASSWORD --output json -- pipelines/orders.yaml");
        assertThat(log).contains("--kafka-username-env DATAPIPELINES_KAFKA_USERNAME --kafka-password-env DATAPIPELINES_KAFKA_PASSWORD "
                + "--kafka-sasl-mechanism SCRAM-SHA-512 --kafka-security-protocol SASL_SSL");
        assertThat(log).doesNotContain(AuthenticatedRegistry.PASSWORD).doesNotContain(KAFKA_PASSWORD);

        // The image is in the registry, by the digest recorded, and only a login gets it.
        String manifest = "/v2/pipelines/orders-cleanup/manifests/" + record.image().digest();
        assertThat(registry.status(manifest, AuthenticatedRegistry.PASSWORD)).isEqualTo(200);
        assertThat(registry.status(manifest, null)).isEqualTo(401);

        // The cluster runs that digest, reads the Kafka login from the deployment's Secret, and its history says why.
        Deployment deployment = client.apps().deployments().inNamespace("pipelines").withName("orders-cleanup-prod").get();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(record.image().toString());
        Secret secret = client.secrets().inNamespace("pipelines").withName("datapipelines.orders-cleanup-prod.kafka-credentials").get();
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("KAFKA_SASL_JAAS_CONFIG")), StandardCharsets.UTF_8))
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc-orders\" password=\""
                        + KAFKA_PASSWORD + "\";");
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .noneSatisfy(env -> assertThat(String.valueOf(env.getValue())).contains(KAFKA_PASSWORD));
        List<ConfigMap> history = client.configMaps().inNamespace("pipelines").list().getItems();
        assertThat(history).singleElement().satisfies(map -> {
            assertThat(map.getData().get("revision.json")).contains("\"cause\" : \"Jenkins orders #1\"")
                    .contains("\"buildUrl\" : \"https://ci.example.com/job/orders/1/\"");
            assertThat(map.getData().toString()).doesNotContain(KAFKA_PASSWORD);
        });

        // The same definition again: the same image digest (reproducible), and nothing new to roll out.
        DeploymentRecord again = deploy(cli(AuthenticatedRegistry.PASSWORD), settings(false), "2").record();
        assertThat(again.image()).isEqualTo(record.image());
        assertThat(again.kubernetesRevision()).isEqualTo(1);
        assertThat(again.status()).isEqualTo("unchanged");
    }

    @Test
    void aRollbackDeploysTheFirstBuildsDigestAgainWithoutBuildingAnything() throws Exception {
        DeploySettings settings = settings(false);
        DeploymentSequence.Outcome first = deploy(cli(AuthenticatedRegistry.PASSWORD), settings, "1");
        Path definition = workspace.resolve("pipelines/orders.yaml");
        Files.writeString(definition, Files.readString(definition).replace("topic: ", "topic: v2-"));
        DeploymentSequence.Outcome second = deploy(cli(AuthenticatedRegistry.PASSWORD), settings, "2");
        assertThat(second.record().image()).isNotEqualTo(first.record().image());
        assertThat(second.record().kubernetesRevision()).isEqualTo(2);

        // What the rollback build does: the recorded canonical definition in a file, deploy only.
        DeploymentAction recorded = new DeploymentAction(first.record(), settings.definition(), first.canonicalDefinition(),
                DeployParameters.of(settings), null);
        Path recordedDefinition = Files.writeString(outside.resolve("datapipeline-build-1.json"), recorded.getCanonicalDefinition());
        LocalCli cli = cli(AuthenticatedRegistry.PASSWORD);
        DeploymentRecord rollback = new DeploymentSequence(cli.runner(), new PrintStream(stepLog, true, StandardCharsets.UTF_8), cli.masker())
                .redeploy(recorded, RollbackTarget.settingsFor(recorded, settings, DeployDefaults.NONE), recordedDefinition.toString(),
                        Kubeconfig.at(kubeconfig.toString()), "Rolled back to #1 by alice", "https://ci.example.com/job/orders/3/").record();

        assertThat(rollback.image()).isEqualTo(first.record().image());
        assertThat(rollback.revisionHash()).isEqualTo(first.record().revisionHash());
        assertThat(rollback.kubernetesRevision()).isEqualTo(3);
        assertThat(cli.log()).contains("+ datapipelines deploy --image ").contains("-- " + recordedDefinition).doesNotContain("+ datapipelines build")
                .doesNotContain("+ datapipelines validate");
        Deployment deployment = client.apps().deployments().inNamespace("pipelines").withName("orders-cleanup-prod").get();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(first.record().image().toString());
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry("io.datapipelines/revision-hash", first.record().revisionHash())
                .containsEntry("io.datapipelines/cause", "Rolled back to #1 by alice");
    }

    @Test
    void aDryRunBuildsAndPushesButAppliesNothingAndShowsTheManifests() throws Exception {
        LocalCli cli = cli(AuthenticatedRegistry.PASSWORD);
        DeploymentRecord record = deploy(cli, settings(true), "3").record();
        assertThat(record.dryRun()).isTrue();
        assertThat(record.kubernetesRevision()).isZero();
        assertThat(record.status()).isEqualTo("dry-run");
        assertThat(registry.status("/v2/pipelines/orders-cleanup/manifests/" + record.image().digest(), AuthenticatedRegistry.PASSWORD))
                .isEqualTo(200);
        String step = stepLog.toString(StandardCharsets.UTF_8);
        assertThat(step).startsWith("The Kubernetes objects the deployment would apply:")
                .contains("\"kind\" : \"Deployment\"").contains("datapipelines.orders-cleanup-prod.kafka-credentials")
                .doesNotContain(KAFKA_PASSWORD);
        assertThat(client.apps().deployments().inNamespace("pipelines").list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace("pipelines").list().getItems()).isEmpty();
    }

    /**
     * As in {@code docker.inside} or {@code container()}: the logins, usernames included, in owner-only files under
     * WORKSPACE@tmp that the real CLI reads through the {@code DATAPIPELINES_*_FILE} variables naming them; no login
     * option on a command line, only paths in the environment; the tests run on their own first; no file outlives its
     * command.
     */
    @Test
    void inAContainerTheRealCliReadsTheLoginsFromTheFilesTheStepWrites() throws Exception {
        CliEnvironment logins = new CliEnvironment().registry(AuthenticatedRegistry.USER, AuthenticatedRegistry.PASSWORD, true)
                .kafkaCredentials("svc-orders", KAFKA_PASSWORD, true);
        LocalPrivateFiles files = new LocalPrivateFiles(workspace.resolveSibling(workspace.getFileName() + "@tmp"));
        DeploymentCredentials credentials = new DeploymentCredentials(logins, files, null);
        LocalCli cli = new LocalCli(jar, workspace, Map.of(JavaCommand.JAVA_OPTS_VARIABLE, JAVA_OPTS,
                "DATAPIPELINES_CACHE_DIR", shared.resolve("jib-cache").toString()), credentials.processEnvironment(CliPlace.CONTAINER),
                new SecretMasker(credentials.environment().secrets()));
        List<List<String>> commandLines = new java.util.ArrayList<>();
        List<Map<String, String>> environments = new java.util.ArrayList<>();
        CliRunner recording = arguments -> {
            commandLines.add(arguments);
            environments.add(Map.copyOf(credentials.processEnvironment(CliPlace.CONTAINER).variablesFor(arguments.get(0))));
            return cli.runner().outcome(arguments);
        };
        DeploymentRecord record;
        try (credentials) {
            record = new DeploymentSequence(recording, new PrintStream(stepLog, true, StandardCharsets.UTF_8), cli.masker(),
                    credentials.logins(CliPlace.CONTAINER)).deploy(settings(false), Kubeconfig.at(kubeconfig.toString()), "Jenkins orders #6", null)
                    .record();
        }
        String log = cli.log();
        assertThat(files.written).hasSize(4);
        assertThat(log).contains("+ datapipelines test -- pipelines/orders.yaml").contains(" --insecure --skip-tests --output json")
                .doesNotContain("-username").doesNotContain("-password");
        assertThat(environments).containsExactly(Map.of(), Map.of(),
                Map.of(CliEnvironment.REGISTRY_USERNAME_FILE, files.written.get(0).toString(),
                        CliEnvironment.REGISTRY_PASSWORD_FILE, files.written.get(1).toString()),
                Map.of(CliEnvironment.KAFKA_USERNAME_FILE, files.written.get(2).toString(),
                        CliEnvironment.KAFKA_PASSWORD_FILE, files.written.get(3).toString()));
        assertThat(commandLines).hasSize(4).allSatisfy(arguments -> assertThat(String.join(" ", arguments))
                .doesNotContain(AuthenticatedRegistry.USER).doesNotContain(AuthenticatedRegistry.PASSWORD)
                .doesNotContain("svc-orders").doesNotContain(KAFKA_PASSWORD));
        assertThat(log).doesNotContain(AuthenticatedRegistry.PASSWORD).doesNotContain(KAFKA_PASSWORD);
        assertThat(files.written).allSatisfy(file -> assertThat(file).doesNotExist());
        String manifest = "/v2/pipelines/orders-cleanup/manifests/" + record.image().digest();
        assertThat(registry.status(manifest, AuthenticatedRegistry.PASSWORD)).as("pushed with the login read from the files").isEqualTo(200);
        Secret secret = client.secrets().inNamespace("pipelines").withName("datapipelines.orders-cleanup-prod.kafka-credentials").get();
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("KAFKA_SASL_JAAS_CONFIG")), StandardCharsets.UTF_8))
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc-orders\" password=\""
                        + KAFKA_PASSWORD + "\";");
    }

    @Test
    void aWrongRegistryPasswordFailsTheBuildWithTheClisOwnWordsAndNeverShowsIt() throws Exception {
        LocalCli cli = cli("not-the-password");
        assertThatThrownBy(() -> deploy(cli, settings(false), "4"))
                .isInstanceOf(DeploymentFailure.class)
                .hasMessageStartingWith("datapipelines build failed (exit code 1):")
                .hasMessageNotContaining("not-the-password");
        assertThat(cli.log()).doesNotContain("not-the-password");
        assertThat(client.apps().deployments().inNamespace("pipelines").list().getItems()).isEmpty();
    }

    @Test
    void aLoginOverPlainHttpSaysHowToAllowIt() throws Exception {
        LocalCli cli = cli(AuthenticatedRegistry.PASSWORD, "-XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        assertThatThrownBy(() -> deploy(cli, settings(false), "5"))
                .isInstanceOf(DeploymentFailure.class)
                .hasMessageStartingWith("datapipelines build failed (exit code 1):")
                .hasMessageEndingWith("  datapipelines: cannot push " + registry.address() + "/pipelines/orders-cleanup: " + registry.address()
                        + " wants a login but answers over plain HTTP only, and credentials are not sent unencrypted unless the JVM runs "
                        + "with -DsendCredentialsOverHttp=true (DATAPIPELINES_JAVA_OPTS; on a trusted network only)");
    }
}
