package io.datapipelines.kubernetes;

import io.datapipelines.model.PipelineDefinition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deployment's own Kafka credentials Secret, on fabric8's mock API server (CRUD mode): written only there,
 * referenced by the pods, a new generation (and revision) only when the credentials change, never printed, never in
 * the revision history, and removed with the deployment.
 */
@EnableKubernetesMockClient(crud = true)
class KafkaCredentialsSecretTest {
    private static final String NS = "pipelines";
    private static final PipelineDefinition FIXED = Fixtures.withDeployment("replicas: {min: 1, max: 1}");
    private static final KafkaSasl PLAIN = new KafkaSasl(SaslMechanism.PLAIN, "SASL_SSL");
    private static final String SECRET = "datapipelines.orders-prod.kafka-credentials";
    private static final DeploymentId ID = new DeploymentId("orders", "prod", NS);

    KubernetesClient client;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    private PipelineDeployment deployment(KafkaSasl sasl) {
        DeploymentOptions options = DeploymentOptions.builder(KafkaAccess.of("kafka:9093")).kafkaSasl(sasl).build();
        return Fixtures.deployment(FIXED, "prod", Fixtures.DIGEST_A, options);
    }

    private DeployResult deploy(KafkaCredentials credentials) {
        return new PipelineDeployer(client, progress::add).deploy(deployment(credentials.sasl()), credentials,
                new ApplyStamp(0, "test", null), RolloutPolicy.noWait());
    }

    private Secret secret() {
        return client.secrets().inNamespace(NS).withName(SECRET).get();
    }

    private static String jaas(Secret secret) {
        return new String(Base64.getDecoder().decode(secret.getData().get("KAFKA_SASL_JAAS_CONFIG")), StandardCharsets.UTF_8);
    }

    private Container container() {
        return client.apps().deployments().inNamespace(NS).withName("orders-prod").get().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private Map<String, String> podAnnotations() {
        return client.apps().deployments().inNamespace(NS).withName("orders-prod").get().getSpec().getTemplate().getMetadata().getAnnotations();
    }

    @Test
    void theCredentialsGoIntoTheDeploymentsOwnSecretAndThePodsReferenceIt() {
        DeployResult result = deploy(new KafkaCredentials("svc-orders", "s3cret-pw", PLAIN));
        assertThat(result.revision()).isEqualTo(1);

        Secret secret = secret();
        assertThat(secret.getMetadata().getLabels()).containsAllEntriesOf(PipelineLabels.ownership(ID))
                .containsEntry("io.datapipelines/kafka-credentials", "true");
        assertThat(secret.getMetadata().getAnnotations()).containsEntry("io.datapipelines/kafka-credentials-generation", "1");
        assertThat(secret.getData()).containsOnlyKeys("KAFKA_SASL_JAAS_CONFIG");
        assertThat(jaas(secret)).isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"svc-orders\" password=\"s3cret-pw\";");

        Container container = container();
        Map<String, EnvVar> env = new java.util.HashMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e));
        assertThat(env.get("KAFKA_SECURITY_PROTOCOL").getValue()).isEqualTo("SASL_SSL");
        assertThat(env.get("KAFKA_SASL_MECHANISM").getValue()).isEqualTo("PLAIN");
        EnvVar reference = env.get("KAFKA_SASL_JAAS_CONFIG");
        assertThat(reference.getValue()).isNull();
        assertThat(reference.getValueFrom().getSecretKeyRef().getName()).isEqualTo(SECRET);
        assertThat(reference.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("KAFKA_SASL_JAAS_CONFIG");
        assertThat(podAnnotations()).containsEntry("io.datapipelines/kafka-credentials-generation", "1");

        // Nowhere else: not in the Deployment, not in the history, not in what was said.
        Deployment live = client.apps().deployments().inNamespace(NS).withName("orders-prod").get();
        assertThat(new io.fabric8.kubernetes.client.utils.KubernetesSerialization().asJson(live)).doesNotContain("s3cret-pw");
        List<ConfigMap> history = client.configMaps().inNamespace(NS).list().getItems();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).getData().values()).allSatisfy(v -> assertThat(v).doesNotContain("s3cret-pw").doesNotContain("PlainLoginModule"));
        assertThat(progress).anyMatch(line -> line.contains("created Secret " + SECRET)).noneMatch(line -> line.contains("s3cret-pw"));
    }

    @Test
    void theSameCredentialsChangeNothingAndNewOnesAreANewRevisionThatRestartsThePods() {
        deploy(new KafkaCredentials("svc-orders", "first-pw", PLAIN));
        DeployResult same = deploy(new KafkaCredentials("svc-orders", "first-pw", PLAIN));
        assertThat(same.status()).isEqualTo("unchanged");
        assertThat(same.revision()).isEqualTo(1);
        assertThat(secret().getMetadata().getAnnotations()).containsEntry("io.datapipelines/kafka-credentials-generation", "1");

        DeployResult rotated = deploy(new KafkaCredentials("svc-orders", "second-pw", PLAIN));
        assertThat(rotated.status()).isEqualTo("applied");
        assertThat(rotated.revision()).isEqualTo(2);
        assertThat(jaas(secret())).contains("password=\"second-pw\"");
        assertThat(secret().getMetadata().getAnnotations()).containsEntry("io.datapipelines/kafka-credentials-generation", "2");
        assertThat(podAnnotations()).containsEntry("io.datapipelines/kafka-credentials-generation", "2");
        assertThat(progress).anyMatch(line -> line.startsWith("updated Secret " + SECRET))
                .noneMatch(line -> line.contains("first-pw") || line.contains("second-pw"));
    }

    @Test
    void scramUsesTheScramLoginModuleAndQuotesAreEscaped() {
        KafkaSasl scram = new KafkaSasl(SaslMechanism.SCRAM_SHA_512, "sasl_plaintext");
        deploy(new KafkaCredentials("svc", "pa\"ss\\word", scram));
        assertThat(jaas(secret())).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"svc\" password=\"pa\\\"ss\\\\word\";");
        Map<String, String> env = new java.util.HashMap<>();
        container().getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
        assertThat(env).containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512").containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
    }

    @Test
    void aSecretOfThatNameThatIsNotOursIsNeverTouched() {
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName(SECRET).withNamespace(NS).endMetadata()
                .withData(Map.of("other", "dmFsdWU=")).build()).create();
        assertThatThrownBy(() -> deploy(new KafkaCredentials("svc", "pw", PLAIN)))
                .isInstanceOf(KubernetesFailure.class).hasMessageContaining("Secret " + SECRET).hasMessageContaining("does not belong");
        assertThat(secret().getData()).containsOnlyKeys("other");
        assertThat(client.apps().deployments().inNamespace(NS).withName("orders-prod").get()).isNull();
    }

    @Test
    void undeployRemovesTheSecretUnlessTheHistoryIsKept() {
        deploy(new KafkaCredentials("svc", "pw", PLAIN));
        PipelineUndeployer undeployer = new PipelineUndeployer(client, progress::add);
        undeployer.undeploy(ID, true);
        assertThat(secret()).as("a kept revision refers to it").isNotNull();
        undeployer.undeploy(ID, false);
        assertThat(secret()).isNull();
    }

    @Test
    void settingsAndCredentialsMustGoTogether() {
        PipelineDeployer deployer = new PipelineDeployer(client, progress::add);
        ApplyStamp stamp = new ApplyStamp(0, null, null);
        assertThatThrownBy(() -> deployer.deploy(deployment(PLAIN), null, stamp, RolloutPolicy.noWait()))
                .hasMessageContaining("no credentials were given");
        assertThatThrownBy(() -> deployer.deploy(Fixtures.deployment(FIXED, "prod", Fixtures.DIGEST_A), new KafkaCredentials("svc", "pw", PLAIN),
                stamp, RolloutPolicy.noWait())).hasMessageContaining("without SASL settings");
        assertThatThrownBy(() -> deployer.deploy(deployment(new KafkaSasl(SaslMechanism.SCRAM_SHA_256, "SASL_SSL")),
                new KafkaCredentials("svc", "pw", PLAIN), stamp, RolloutPolicy.noWait())).hasMessageContaining("PLAIN over SASL_SSL");
        assertThat(secret()).isNull();
        assertThatThrownBy(() -> DeploymentOptions.builder(new KafkaAccess("kafka:9093", Map.of("security.protocol", "SSL"), List.of(), List.of()))
                .kafkaSasl(PLAIN).build()).hasMessageContaining("'security.protocol' is given twice");
        assertThatThrownBy(() -> new KafkaSasl(SaslMechanism.PLAIN, "SSL")).hasMessageContaining("use SASL_SSL or SASL_PLAINTEXT");
        assertThatThrownBy(() -> SaslMechanism.parse("GSSAPI")).hasMessageContaining("PLAIN, SCRAM-SHA-256, SCRAM-SHA-512");
        assertThat(SaslMechanism.parse("scram-sha-256")).isEqualTo(SaslMechanism.SCRAM_SHA_256);
    }

    @Test
    void renderedWithoutAClusterTheManifestsOnlyReferenceTheSecretAndTheCredentialsNeverShow() {
        KafkaCredentials credentials = new KafkaCredentials("svc", "hunter2", PLAIN);
        assertThat(credentials.toString()).doesNotContain("hunter2").contains("svc");
        PipelineManifests manifests = PipelineManifests.render(deployment(credentials.sasl()));
        assertThat(manifests.toYaml()).contains(SECRET).doesNotContain("hunter2").doesNotContain("kafka-credentials-generation");
        assertThatThrownBy(() -> new KafkaCredentials("svc", "two\nlines", PLAIN)).hasMessageContaining("control character")
                .hasMessageNotContaining("two");
        assertThatThrownBy(() -> new KafkaCredentials("svc", "", PLAIN)).hasMessageContaining("the Kafka password is empty");
    }
}
