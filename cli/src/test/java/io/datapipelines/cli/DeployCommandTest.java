package io.datapipelines.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapipelines.kubernetes.DeploymentId;
import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.app.PipelineRunner;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;

import javax.security.auth.login.AppConfigurationEntry;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.datapipelines.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** deploy, history, rollback, status and undeploy from the command line, against fabric8's mock API server. */
@EnableKubernetesMockClient(crud = true)
class DeployCommandTest {
    private static final Path EXAMPLES = Path.of("../examples");
    private static final String IMAGE_A = "registry.example.com/pipelines/orders-cleanup@sha256:" + "a".repeat(64);
    private static final String IMAGE_B = "registry.example.com/pipelines/orders-cleanup@sha256:" + "b".repeat(64);

    KubernetesClient client;
    @TempDir
    Path dir;
    private Path kubeconfig;

    @BeforeEach
    void writeKubeconfig() throws Exception {
        kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, kubeconfigFor(client.getConfiguration().getMasterUrl()));
    }

    private static String kubeconfigFor(String server) {
        return """
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
                """.formatted(server);
    }

    private CliTest.Run deploy(String image, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", image,
                "--deployment", "prod", "--namespace", "pipelines", "--kubeconfig", kubeconfig.toString(),
                "--bootstrap-servers", "kafka.kafka.svc:9092"));
        args.addAll(List.of(more));
        if (!args.contains("--partitions")) {
            args.addAll(List.of("--partitions", "6")); // no Kafka here to ask
        }
        return run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders-cleanup.yaml", "csv-to-json.yaml", "order-fanout.yaml"})
    void dryRunPrintsTheManifestsOfEveryExample(String example) throws Exception {
        CliTest.Run run = run("deploy", EXAMPLES.resolve(example).toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka.kafka.svc:9092", "--dry-run",
                "--kafka-namespace", "kafka", "--metrics-namespace", "monitoring");
        assertThat(run.err()).isEmpty(); // every peer named: nothing left open to warn about
        assertThat(run.exitCode()).isZero();
        PipelineDefinition definition = new DefinitionParser().parse(EXAMPLES.resolve(example));
        List<HasMetadata> objects = new KubernetesSerialization().unmarshal(run.out());
        assertThat(objects).extracting(HasMetadata::getKind).contains("NetworkPolicy", "Deployment");
        Deployment deployment = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
        assertThat(deployment.getMetadata().getName()).isEqualTo(definition.name() + "-prod");
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(IMAGE_A);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(definition.spec().deployment().minReplicas());
        assertThat(objects.stream().anyMatch(o -> o.getKind().equals("HorizontalPodAutoscaler")))
                .isEqualTo(definition.spec().deployment().maxReplicas() > definition.spec().deployment().minReplicas());
    }

    @Test
    void dryRunAsJsonIsTheResultObjectWithTheManifestsAsAKubernetesListAndShowsThePartitionCap() throws Exception {
        CliTest.Run run = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka.kafka.svc:9092", "--partitions", "2", "--dry-run", "--output", "json",
                "--cause", "fix the EU filter");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines().toList()).containsExactly(
                "warning: spec.deployment.replicas: max 3 capped at 2, the source partition count: more replicas would sit idle",
                "warning: NetworkPolicy: Kafka egress is open to any address on the Kafka ports; name the brokers with --kafka-cidr, "
                        + "--kafka-namespace or --kafka-pod-label",
                "warning: NetworkPolicy: the metrics port 8080 is open to any address; name the scraper's namespace with --metrics-namespace");
        assertThat(run.out().lines().toList()).as("one JSON object on one line, as for every deploy").hasSize(1);
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.fieldNames()).toIterable()
                .containsExactly("namespace", "deployment", "revision", "image", "replicas", "status", "manifests");
        assertThat(result.get("namespace").asText()).isEqualTo("pipelines");
        assertThat(result.get("deployment").asText()).isEqualTo("prod");
        assertThat(result.get("revision").isNull()).isTrue();
        assertThat(result.get("image").asText()).isEqualTo(IMAGE_A);
        assertThat(result.get("replicas").toString()).isEqualTo("{\"min\":1,\"max\":2}");
        assertThat(result.get("status").asText()).isEqualTo("dry-run");
        KubernetesList list = new KubernetesSerialization().unmarshal(result.get("manifests").toString(), KubernetesList.class);
        assertThat(list.getItems()).extracting(HasMetadata::getKind).containsExactly("NetworkPolicy", "Deployment", "HorizontalPodAutoscaler");
        assertThat(list.getItems().get(1).getMetadata().getAnnotations()).containsEntry("io.datapipelines/cause", "fix the EU filter");
        assertThat(result.get("manifests").toString()).contains("\"maxReplicas\":2");
    }

    @Test
    void networkAndStorageFlagsReachTheManifests() {
        CliTest.Run run = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka.kafka.svc:9092", "--dry-run",
                "--kafka-namespace", "kafka", "--kafka-pod-label", "strimzi.io/kind=Kafka", "--kafka-port", "9093",
                "--dns-namespace", "dns", "--dns-pod-label", "app.kubernetes.io/name=coredns", "--dns-cidr", "169.254.20.10/32",
                "--metrics-namespace", "monitoring", "--state-size-limit", "4Gi", "--tmp-size-limit", "512Mi");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<HasMetadata> objects = new KubernetesSerialization().unmarshal(run.out());
        var policy = objects.stream().filter(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class::isInstance)
                .map(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class::cast).findFirst().orElseThrow().getSpec();
        var dns = policy.getEgress().get(0).getTo();
        assertThat(dns.get(0).getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "dns");
        assertThat(dns.get(0).getPodSelector().getMatchLabels()).containsExactly(Map.entry("app.kubernetes.io/name", "coredns"));
        assertThat(dns.get(1).getIpBlock().getCidr()).isEqualTo("169.254.20.10/32");
        var kafka = policy.getEgress().get(1);
        assertThat(kafka.getTo()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "kafka");
            assertThat(peer.getPodSelector().getMatchLabels()).containsExactly(Map.entry("strimzi.io/kind", "Kafka"));
        });
        assertThat(kafka.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(9093);
        assertThat(policy.getIngress().get(0).getFrom()).singleElement()
                .satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "monitoring"));
        Deployment deployment = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getVolumes()).extracting(v -> v.getEmptyDir().getSizeLimit().toString()).containsExactly("4Gi", "512Mi");
        assertThat(pod.getContainers().get(0).getResources().getLimits().get("ephemeral-storage").toString()).isEqualTo("4864Mi");

        CliTest.Run badSize = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka.kafka.svc:9092", "--dry-run", "--state-size-limit", "big");
        assertThat(badSize.exitCode()).isEqualTo(2);
        assertThat(badSize.err().strip()).isEqualTo("datapipelines: state volume size limit 'big' is not a positive size such as 512Mi or 2Gi");
        CliTest.Run badLabel = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka.kafka.svc:9092", "--dry-run", "--dns-pod-label", "k8s-app=kube dns");
        assertThat(badLabel.exitCode()).isEqualTo(2);
        assertThat(badLabel.err()).contains("DNS pod label 'k8s-app=kube dns' has no valid label value");
    }

    @Test
    void withoutBootstrapServersDeployNamesTheFlagAndTheVariable() {
        assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null, "skipped: KAFKA_BOOTSTRAP_SERVERS is set in this environment, so it is the default");
        CliTest.Run run = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--dry-run");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("datapipelines: no Kafka bootstrap servers: give --bootstrap-servers HOST:PORT[,...] "
                + "(or set KAFKA_BOOTSTRAP_SERVERS)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aKafkaLoginGoesIntoTheDeploymentsSecretAndOnlyItsNameIntoManifestsHistoryAndOutput() throws Exception {
        Path password = dir.resolve("kafka-password");
        Files.writeString(password, "pa\"ss w0rd\n");
        CliTest.Run dryRun = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka:9093", "--kafka-username", "svc-orders",
                "--kafka-password-file", password.toString(), "--kafka-sasl-mechanism", "SCRAM-SHA-512", "--dry-run", "--output", "json");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("datapipelines.orders-cleanup-prod.kafka-credentials").contains("\"KAFKA_SASL_MECHANISM\"")
                .doesNotContain("w0rd").doesNotContain("ScramLoginModule");
        assertThat(dryRun.err()).doesNotContain("w0rd");

        CliTest.Run applied = deploy(IMAGE_A, "--kafka-username", "svc-orders", "--kafka-password-file", password.toString(),
                "--kafka-sasl-mechanism", "SCRAM-SHA-512", "--output", "json");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out() + applied.err()).doesNotContain("w0rd");
        assertThat(applied.err()).contains("created Secret datapipelines.orders-cleanup-prod.kafka-credentials");
        Secret secret = client.secrets().inNamespace("pipelines").withName("datapipelines.orders-cleanup-prod.kafka-credentials").get();
        String jaas = new String(Base64.getDecoder().decode(secret.getData().get("KAFKA_SASL_JAAS_CONFIG")), StandardCharsets.UTF_8);
        // Kafka's own JAAS parser reads back exactly the username and password.
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password(jaas))).configurationEntries();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
            assertThat(entry.getOptions().get("username")).isEqualTo("svc-orders");
            assertThat(entry.getOptions().get("password")).isEqualTo("pa\"ss w0rd");
        });
        Deployment deployment = client.apps().deployments().inNamespace("pipelines").withName("orders-cleanup-prod").get();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(env -> {
                    assertThat(env.getName()).isEqualTo("KAFKA_SASL_JAAS_CONFIG");
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("datapipelines.orders-cleanup-prod.kafka-credentials");
                });
        assertThat(client.configMaps().inNamespace("pipelines").list().getItems())
                .allSatisfy(map -> assertThat(map.getData().toString()).doesNotContain("w0rd"));

        CliTest.Run half = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka:9093", "--kafka-username", "svc", "--dry-run");
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.err().strip()).isEqualTo("datapipelines: a Kafka username needs a password: --kafka-password-env or --kafka-password-file "
                + "(or DATAPIPELINES_KAFKA_PASSWORD_FILE)");
        CliTest.Run unset = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka:9093", "--kafka-username", "svc",
                "--kafka-password-env", "DATAPIPELINES_TEST_NO_SUCH_VARIABLE", "--dry-run");
        assertThat(unset.exitCode()).isEqualTo(2);
        assertThat(unset.err().strip()).isEqualTo("datapipelines: --kafka-password-env DATAPIPELINES_TEST_NO_SUCH_VARIABLE: the environment variable is not set");
        CliTest.Run mechanism = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka:9093", "--kafka-username", "svc",
                "--kafka-password-file", password.toString(), "--kafka-sasl-mechanism", "GSSAPI", "--dry-run");
        assertThat(mechanism.exitCode()).isEqualTo(2);
        assertThat(mechanism.err().strip()).isEqualTo("datapipelines: SASL mechanism 'GSSAPI' is not one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512");
        CliTest.Run twice = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka:9093", "--kafka-username", "svc",
                "--kafka-password-file", password.toString(), "--kafka-property", "security.protocol=SSL", "--dry-run");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("'security.protocol' is given twice");
    }

    @Test
    void anImageWithoutADigestIsRefused() {
        CliTest.Run run = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", "registry.example.com/orders:latest",
                "--deployment", "prod", "--namespace", "pipelines", "--bootstrap-servers", "kafka:9092", "--dry-run");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("datapipelines: image 'registry.example.com/orders:latest' is not pinned by digest");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void secretsGivenAsPlainPropertiesAndBadNamesAreRefused() {
        CliTest.Run secret = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka:9092", "--kafka-property", "sasl.jaas.config=hunter2", "--dry-run");
        assertThat(secret.exitCode()).isEqualTo(2);
        assertThat(secret.err()).contains("'sasl.jaas.config' holds a secret").doesNotContain("hunter2");
        CliTest.Run name = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "Prod_1",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka:9092", "--dry-run");
        assertThat(name.exitCode()).isEqualTo(2);
        assertThat(name.err().strip()).startsWith("datapipelines: deployment name 'Prod_1' is not valid");
        CliTest.Run timeout = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A, "--deployment", "prod",
                "--namespace", "pipelines", "--bootstrap-servers", "kafka:9092", "--timeout", "soon", "--dry-run");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).contains("'soon' is not a duration");
    }

    @Test
    void deployPrintsExactlyTheDocumentedJson() {
        CliTest.Run run = deploy(IMAGE_A, "--output", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"namespace\":\"pipelines\",\"deployment\":\"prod\",\"revision\":1,\"image\":\"" + IMAGE_A
                + "\",\"replicas\":{\"min\":1,\"max\":3},\"status\":\"applied\"}");
        CliTest.Run again = deploy(IMAGE_A, "--output", "json");
        assertThat(again.out()).contains("\"revision\":1").contains("\"status\":\"unchanged\"");
        CliTest.Run capped = deploy(IMAGE_B, "--output", "json", "--partitions", "2");
        assertThat(capped.out().strip()).isEqualTo("{\"namespace\":\"pipelines\",\"deployment\":\"prod\",\"revision\":2,\"image\":\"" + IMAGE_B
                + "\",\"replicas\":{\"min\":1,\"max\":2},\"status\":\"applied\"}");
        assertThat(capped.err()).contains("warning: spec.deployment.replicas: max 3 capped at 2");
    }

    @Test
    void historyRollbackStatusAndUndeploy() throws Exception {
        deploy(IMAGE_A, "--cause", "first");
        deploy(IMAGE_B, "--cause", "second");
        String[] target = {"orders-cleanup", "--deployment", "prod", "--namespace", "pipelines", "--kubeconfig", kubeconfig.toString()};

        CliTest.Run history = run(concat(new String[]{"history"}, target, new String[]{"--output", "json"}));
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).contains("\"revision\":1").contains("\"revision\":2").contains("\"cause\":\"second\"")
                .contains("\"status\":\"superseded\"");
        CliTest.Run table = run(concat(new String[]{"history"}, target));
        assertThat(table.out().lines().toList()).hasSize(3);
        assertThat(table.out().lines().toList().get(2)).startsWith("2 ").contains("applied").contains(IMAGE_B).contains("(second)");

        CliTest.Run rollback = run(concat(new String[]{"rollback"}, target, new String[]{"--to-revision", "1", "--output", "json"}));
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out().strip()).isEqualTo("{\"namespace\":\"pipelines\",\"deployment\":\"prod\",\"revision\":3,\"image\":\"" + IMAGE_A
                + "\",\"replicas\":{\"min\":1,\"max\":3},\"status\":\"applied\"}");
        CliTest.Run missing = run(concat(new String[]{"rollback"}, target, new String[]{"--to-revision", "7"}));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("datapipelines: revision 7 of orders-cleanup/prod in namespace pipelines does not exist: its revisions are 1, 2, 3");

        // The mock runs no controller: the rollout has not progressed, so the deployment is not available yet.
        CliTest.Run status = run(concat(new String[]{"status"}, target, new String[]{"--output", "json"}));
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.out().strip()).isEqualTo("{\"namespace\":\"pipelines\",\"deployment\":\"prod\",\"revision\":3,\"image\":\"" + IMAGE_A
                + "\",\"replicas\":{\"min\":1,\"max\":3},\"status\":\"progressing\"}");

        // The definition file works in place of the pipeline's name.
        CliTest.Run undeploy = run("undeploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--deployment", "prod", "--namespace", "pipelines",
                "--kubeconfig", kubeconfig.toString());
        assertThat(undeploy.exitCode()).isZero();
        assertThat(client.apps().deployments().inNamespace("pipelines").list().getItems()).isEmpty();
        CliTest.Run again = run(concat(new String[]{"undeploy"}, target));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().strip()).isEqualTo("datapipelines: not found: nothing of orders-cleanup/prod in namespace pipelines to remove");
        CliTest.Run gone = run(concat(new String[]{"status"}, target, new String[]{"--output", "json"}));
        assertThat(gone.out().strip()).isEqualTo("{\"namespace\":\"pipelines\",\"deployment\":\"prod\",\"revision\":null,\"image\":null,"
                + "\"replicas\":null,\"status\":\"not-deployed\"}");
    }

    @Test
    void anUnreachableClusterIsOneLineAndExitOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path nowhere = dir.resolve("nowhere");
        Files.writeString(nowhere, kubeconfigFor("https://127.0.0.1:" + port));
        CliTest.Run run = run("history", "orders-cleanup", "--deployment", "prod", "--namespace", "pipelines", "--kubeconfig", nowhere.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).singleElement().satisfies(line ->
                assertThat(line).startsWith("datapipelines: unreachable: cannot connect to the Kubernetes API to list the revision history"));
        CliTest.Run missing = run("history", "orders-cleanup", "--deployment", "prod", "--namespace", "pipelines", "--kubeconfig", "no-such-file");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("datapipelines: no-such-file: no such kubeconfig file");
        Path broken = dir.resolve("broken");
        Files.writeString(broken, "not: [valid");
        CliTest.Run unusable = run("status", "orders-cleanup", "--deployment", "prod", "--namespace", "pipelines", "--kubeconfig", broken.toString());
        assertThat(unusable.exitCode()).isEqualTo(2);
        assertThat(unusable.err().lines().toList()).singleElement().satisfies(line ->
                assertThat(line).startsWith("datapipelines: " + broken + ": not a usable kubeconfig: while parsing a flow sequence"));
    }

    @Test
    void maxReplicasAreCappedAtThePartitionCountKafkaReports() throws Exception {
        try (io.datapipelines.embedded.EmbeddedKafka kafka = io.datapipelines.embedded.EmbeddedKafka.start()) {
            kafka.createTopics(2, List.of("orders"));
            List<String> args = List.of("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A,
                    "--deployment", "prod", "--namespace", "pipelines", "--kubeconfig", kubeconfig.toString(),
                    "--bootstrap-servers", kafka.bootstrapServers(), "--output", "json");
            CliTest.Run run = run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("warning: spec.deployment.replicas: max 3 capped at 2, the source partition count");
            assertThat(run.out()).contains("\"replicas\":{\"min\":1,\"max\":2}");
            assertThat(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("pipelines").withName("orders-cleanup-prod").get()
                    .getSpec().getMaxReplicas()).isEqualTo(2);
        }
    }

    @Test
    void withoutKafkaTheCapIsSkippedWithAWarning() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliTest.Run run = run("deploy", EXAMPLES.resolve("orders-cleanup.yaml").toString(), "--image", IMAGE_A,
                "--deployment", "prod", "--namespace", "pipelines", "--kubeconfig", kubeconfig.toString(),
                "--bootstrap-servers", "127.0.0.1:" + port, "--kafka-timeout", "2s", "--output", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: cannot read the partition count of orders from Kafka at 127.0.0.1:" + port)
                .contains("max replicas not capped; give --partitions N");
        assertThat(run.out()).contains("\"replicas\":{\"min\":1,\"max\":3}");
    }

    @Test
    void kedaWatchesTheConsumerGroupTheRuntimeUses() throws Exception {
        PipelineDefinition definition = new DefinitionParser().parse(EXAMPLES.resolve("orders-cleanup.yaml"));
        assertThat(new DeploymentId(definition.name(), "prod", "pipelines").consumerGroup())
                .isEqualTo(PipelineRunner.applicationId(definition, "prod"));
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
