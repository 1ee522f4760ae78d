package io.datapipelines.kubernetes;

import io.datapipelines.model.CanonicalForm;
import io.datapipelines.model.PipelineDefinition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shadow's objects on fabric8's mock API server: beside the live ones, as restricted, removed without a trace. */
@EnableKubernetesMockClient(crud = true)
class ShadowDeployerTest {
    private static final String NS = "pipelines";
    private static final PipelineDefinition OLD = Fixtures.withDeployment("replicas: {min: 2, max: 5}");
    private static final PipelineDefinition NEW = Fixtures.definition(CanonicalForm.json(OLD).replace("\"lowercase\"", "\"uppercase\""));
    private static final DeploymentId LIVE = new DeploymentId("orders", "prod", NS);

    KubernetesClient client;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    private void deployLive() {
        new PipelineDeployer(client, progress::add, Duration.ofMillis(30), Clock.systemUTC())
                .deploy(Fixtures.deployment(OLD, "prod", Fixtures.DIGEST_A), new ApplyStamp(0, "first", null), new RolloutPolicy(false, Duration.ofSeconds(5), true, 10));
    }

    @Test
    void theLiveRevisionRecordsItsCanonicalDefinition() {
        deployLive();
        StoredRevision live = new PipelineDeployer(client, progress::add).live(LIVE).orElseThrow();
        assertThat(live.revision().number()).isEqualTo(1);
        assertThat(live.definition()).isEqualTo(CanonicalForm.json(OLD));
        assertThat(new PipelineDeployer(client, progress::add).live(new DeploymentId("orders", "canary", NS))).isEmpty();
    }

    @Test
    void theShadowRunsTheNewImageOnTheLiveDefinitionBesideTheLiveDeploymentAndIsRemovedCompletely() {
        deployLive();
        Deployment liveBefore = client.apps().deployments().inNamespace(NS).withName("orders-prod").get();
        ShadowDeployer shadows = new ShadowDeployer(client, progress::add);
        shadows.start(Fixtures.deployment(NEW, "prod", Fixtures.DIGEST_B), CanonicalForm.json(OLD), null);

        Deployment shadow = client.apps().deployments().inNamespace(NS).withName("orders-prod-shadow").get();
        assertThat(shadow.getSpec().getReplicas()).isEqualTo(1);
        PodSpec pod = shadow.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertThat(container.getImage()).endsWith(Fixtures.DIGEST_B);
        Map<String, String> env = container.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(env).containsEntry("DATAPIPELINES_SHADOW_OF", "/etc/datapipelines/shadow/live.json")
                .containsEntry("DATAPIPELINES_DEPLOYMENT", "prod"); // the diff topic orders-prod-shadow and the shadow's own group
        assertThat(container.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo("/etc/datapipelines/shadow");
            assertThat(m.getReadOnly()).isTrue();
        });
        // As restricted as the pipeline: the same pod and container security settings.
        PodSpec livePod = liveBefore.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext()).isEqualTo(livePod.getSecurityContext());
        assertThat(container.getSecurityContext()).isEqualTo(livePod.getContainers().get(0).getSecurityContext());
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        // Its pods match none of the live deployment's selectors, and its own NetworkPolicy selects them.
        Map<String, String> shadowPodLabels = shadow.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(shadowPodLabels).containsEntry("app.kubernetes.io/component", "shadow").containsEntry(ShadowDeployer.SHADOW_OF_LABEL, "prod");
        assertThat(liveBefore.getSpec().getSelector().getMatchLabels().entrySet()).isNotEmpty()
                .anySatisfy(e -> assertThat(shadowPodLabels.get(e.getKey())).isNotEqualTo(e.getValue()));
        NetworkPolicy policy = client.network().v1().networkPolicies().inNamespace(NS).withName("orders-prod-shadow").get();
        NetworkPolicy livePolicy = client.network().v1().networkPolicies().inNamespace(NS).withName("orders-prod").get();
        assertThat(shadowPodLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getEgress()).isEqualTo(livePolicy.getSpec().getEgress());
        assertThat(policy.getSpec().getIngress()).isEqualTo(livePolicy.getSpec().getIngress());
        ConfigMap definition = client.configMaps().inNamespace(NS).withName("orders-prod-shadow-live").get();
        assertThat(definition.getData()).containsEntry("live.json", CanonicalForm.json(OLD));

        assertThat(shadows.remove(LIVE)).isEqualTo(3);
        assertThat(client.apps().deployments().inNamespace(NS).withName("orders-prod-shadow").get()).isNull();
        assertThat(client.network().v1().networkPolicies().inNamespace(NS).withName("orders-prod-shadow").get()).isNull();
        assertThat(client.configMaps().inNamespace(NS).withName("orders-prod-shadow-live").get()).isNull();
        assertThat(shadows.remove(LIVE)).isZero();
        Deployment liveAfter = client.apps().deployments().inNamespace(NS).withName("orders-prod").get();
        assertThat(liveAfter.getSpec()).isEqualTo(liveBefore.getSpec());
        assertThat(liveAfter.getMetadata().getResourceVersion()).isEqualTo(liveBefore.getMetadata().getResourceVersion());
    }

    @Test
    void aDeploymentReallyNamedLikeTheShadowIsNeitherReplacedNorRemoved() {
        client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder().withNewMetadata().withName("orders-prod-shadow")
                .withNamespace(NS).endMetadata().withNewSpec().endSpec().build()).create();
        ShadowDeployer shadows = new ShadowDeployer(client, progress::add);
        assertThat(shadows.remove(LIVE)).isZero();
        assertThatThrownBy(() -> shadows.start(Fixtures.deployment(NEW, "prod", Fixtures.DIGEST_B), CanonicalForm.json(OLD), null))
                .isInstanceOf(KubernetesFailure.class).hasMessageContaining("exists and is not the shadow of");
        assertThat(client.apps().deployments().inNamespace(NS).withName("orders-prod-shadow").get()).isNotNull();
        assertThat(client.configMaps().inNamespace(NS).withName("orders-prod-shadow-live").get()).isNull();
    }
}
