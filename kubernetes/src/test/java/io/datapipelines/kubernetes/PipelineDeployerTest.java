package io.datapipelines.kubernetes;

import io.datapipelines.model.PipelineDefinition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deploy, re-apply, rollout wait, automatic and explicit rollback and history, on fabric8's mock API server (CRUD mode). */
@EnableKubernetesMockClient(crud = true)
class PipelineDeployerTest {
    private static final String NS = "pipelines";
    private static final PipelineDefinition AUTOSCALED = Fixtures.withDeployment("replicas: {min: 2, max: 5}");
    private static final RolloutPolicy WAIT = new RolloutPolicy(true, Duration.ofSeconds(20), true, 10);
    private static final RolloutPolicy WAIT_NO_ROLLBACK = new RolloutPolicy(true, Duration.ofSeconds(20), false, 10);

    KubernetesClient client;
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private PipelineDeployer deployer;
    private FakeDeploymentController controller;

    @BeforeEach
    void setUp() {
        deployer = new PipelineDeployer(client, progress::add, Duration.ofMillis(30), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        if (controller != null) {
            controller.close();
        }
    }

    private FakeDeploymentController controller() {
        controller = new FakeDeploymentController(client, NS);
        return controller;
    }

    private DeployResult deploy(String digest, RolloutPolicy policy) {
        return deploy(AUTOSCALED, "prod", digest, policy, "build " + digest.substring(7, 10));
    }

    private DeployResult deploy(PipelineDefinition definition, String name, String digest, RolloutPolicy policy, String cause) {
        return deployer.deploy(Fixtures.deployment(definition, name, digest), new ApplyStamp(0, cause, "https://ci.example.com/job/orders/1/"), policy);
    }

    private Deployment live(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private static String image(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private List<Revision> history() {
        return new RevisionHistory(client, new DeploymentId("orders", "prod", NS)).list();
    }

    @Test
    void firstDeployCreatesEveryObjectAndRevisionOne() {
        DeployResult result = deploy(Fixtures.DIGEST_A, RolloutPolicy.noWait());
        assertThat(result.status()).isEqualTo("applied");
        assertThat(result.revision()).isEqualTo(1);
        assertThat(result.image()).isEqualTo(Fixtures.REPOSITORY + "@" + Fixtures.DIGEST_A);
        assertThat(result.replicas()).isEqualTo(new ReplicaRange(2, 5));
        Deployment deployment = live("orders-prod");
        assertThat(image(deployment)).endsWith(Fixtures.DIGEST_A);
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry("io.datapipelines/revision", "1")
                .containsEntry("io.datapipelines/cause", "build aaa")
                .containsEntry("io.datapipelines/build-url", "https://ci.example.com/job/orders/1/");
        assertThat(client.network().v1().networkPolicies().inNamespace(NS).withName("orders-prod").get()).isNotNull();
        assertThat(client.policy().v1().podDisruptionBudget().inNamespace(NS).withName("orders-prod").get()).isNotNull();
        assertThat(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).withName("orders-prod").get()).isNotNull();
        ConfigMap record = client.configMaps().inNamespace(NS).withName("datapipelines.orders-prod.v1").get();
        assertThat(record.getMetadata().getLabels()).containsEntry("io.datapipelines/revision", "1").containsEntry("io.datapipelines/history", "true");
        assertThat(record.getData()).containsKeys("revision.json", "manifests.json");
        assertThat(progress).contains("created Deployment orders-prod");
    }

    @Test
    void applyingTheSameTwiceIsIdempotentAndRecordsNoNewRevision() {
        deploy(Fixtures.DIGEST_A, RolloutPolicy.noWait());
        Deployment first = live("orders-prod");
        DeployResult again = deploy(Fixtures.DIGEST_A, RolloutPolicy.noWait());
        assertThat(again.status()).isEqualTo("unchanged");
        assertThat(again.revision()).isEqualTo(1);
        Deployment second = live("orders-prod");
        assertThat(second.getSpec()).isEqualTo(first.getSpec());
        assertThat(second.getMetadata().getUid()).as("updated in place, never recreated").isEqualTo(first.getMetadata().getUid());
        assertThat(second.getMetadata().getGeneration()).as("no spec change, so no rollout").isEqualTo(first.getMetadata().getGeneration());
        assertThat(history()).hasSize(1);

        // A different image is a change: revision 2, rolled out by updating the same Deployment.
        DeployResult changed = deploy(Fixtures.DIGEST_B, RolloutPolicy.noWait());
        assertThat(changed.revision()).isEqualTo(2);
        Deployment third = live("orders-prod");
        assertThat(third.getMetadata().getUid()).isEqualTo(first.getMetadata().getUid());
        assertThat(third.getMetadata().getGeneration()).isGreaterThan(first.getMetadata().getGeneration());
        assertThat(history()).extracting(Revision::status).containsExactly(RevisionStatus.SUPERSEDED, RevisionStatus.APPLIED);
    }

    @Test
    void aSecondDeploymentOfThePipelineCoexists() {
        deploy(AUTOSCALED, "prod", Fixtures.DIGEST_A, RolloutPolicy.noWait(), null);
        deploy(AUTOSCALED, "canary", Fixtures.DIGEST_B, RolloutPolicy.noWait(), null);
        assertThat(image(live("orders-prod"))).endsWith(Fixtures.DIGEST_A);
        assertThat(image(live("orders-canary"))).endsWith(Fixtures.DIGEST_B);
        assertThat(live("orders-canary").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("DATAPIPELINES_DEPLOYMENT=canary"));
        assertThat(new RevisionHistory(client, new DeploymentId("orders", "canary", NS)).list()).hasSize(1);
        assertThat(history()).hasSize(1);
        // Undeploying one leaves the other.
        assertThat(new PipelineUndeployer(client, progress::add).undeploy(new DeploymentId("orders", "canary", NS), false)).isTrue();
        assertThat(live("orders-canary")).isNull();
        assertThat(live("orders-prod")).isNotNull();
        assertThat(history()).hasSize(1);
    }

    @Test
    void waitsForTheRolloutAndMarksTheRevisionDeployed() {
        controller();
        DeployResult first = deploy(Fixtures.DIGEST_A, WAIT);
        assertThat(first.status()).isEqualTo("deployed");
        DeployResult second = deploy(Fixtures.DIGEST_B, WAIT);
        assertThat(second.status()).isEqualTo("deployed");
        assertThat(history()).extracting(Revision::status).containsExactly(RevisionStatus.SUPERSEDED, RevisionStatus.DEPLOYED);
        assertThat(progress).anyMatch(line -> line.startsWith("rollout: ") && line.contains("replicas available, all on the new revision"));
        assertThat(new StatusReader(client).read(new DeploymentId("orders", "prod", NS))).satisfies(s -> {
            assertThat(s.state()).isEqualTo("available");
            assertThat(s.revision()).isEqualTo(2);
            assertThat(s.replicas()).isEqualTo(new ReplicaRange(2, 5));
            assertThat(s.autoscaler()).isEqualTo("HorizontalPodAutoscaler");
        });
    }

    @Test
    void aFailedRolloutSaysWhyAndRollsBackToThePreviousRevision() {
        controller().failing(Fixtures.DIGEST_B);
        deploy(Fixtures.DIGEST_A, WAIT);
        Deployment good = live("orders-prod");
        DeployResult result = deploy(Fixtures.DIGEST_B, WAIT);
        assertThat(result.status()).isEqualTo("rolled-back");
        assertThat(result.revision()).isEqualTo(3);
        assertThat(result.image()).endsWith(Fixtures.DIGEST_A);
        assertThat(result.failure()).contains("revision 2 failed: no progress within the progress deadline (300 s)")
                .contains("has timed out progressing").contains("rolled back to revision 1 as revision 3");
        assertThat(result.diagnosis()).anySatisfy(line -> assertThat(line)
                .contains("container pipeline waiting: CrashLoopBackOff")
                .contains("last exit code 1 (Error): topic orders-web does not exist"));
        assertThat(result.diagnosis()).anySatisfy(line -> assertThat(line).isEqualTo(
                "event BackOff on Pod/orders-prod-7d9f8c6b5-x2x4q: Back-off restarting failed container pipeline"));
        Deployment restored = live("orders-prod");
        assertThat(restored.getSpec().getTemplate()).isEqualTo(good.getSpec().getTemplate());
        assertThat(restored.getMetadata().getAnnotations()).containsEntry("io.datapipelines/revision", "3")
                .containsEntry("io.datapipelines/cause", "automatic rollback to revision 1 after revision 2 failed");
        assertThat(history()).extracting(r -> r.number() + ":" + r.status().label())
                .containsExactly("1:superseded", "2:failed", "3:deployed");
    }

    @Test
    void withoutAutomaticRollbackAFailedRolloutStays() {
        controller().failing(Fixtures.DIGEST_B);
        deploy(Fixtures.DIGEST_A, WAIT);
        DeployResult result = deploy(Fixtures.DIGEST_B, WAIT_NO_ROLLBACK);
        assertThat(result.status()).isEqualTo("failed");
        assertThat(result.revision()).isEqualTo(2);
        assertThat(image(live("orders-prod"))).endsWith(Fixtures.DIGEST_B);
        assertThat(history()).extracting(r -> r.status().label()).containsExactly("deployed", "failed");
        // Re-applying the failed revision is not "unchanged": it is tried again as a new revision.
        assertThat(deploy(Fixtures.DIGEST_B, RolloutPolicy.noWait()).revision()).isEqualTo(3);
    }

    @Test
    void aRolloutThatNeverFinishesTimesOut() {
        controller().ignoring(Fixtures.DIGEST_A);
        DeployResult result = deploy(Fixtures.DIGEST_A, new RolloutPolicy(true, Duration.ofMillis(400), true, 10));
        assertThat(result.status()).isEqualTo("failed");
        assertThat(result.failure()).startsWith("the rollout did not finish within 0s (waiting for the Deployment controller to pick up generation 1)");
        assertThat(progress).contains("no earlier revision to roll back to");
    }

    @Test
    void rollbackReappliesAnOldRevisionAsANewOne() {
        controller();
        deploy(Fixtures.DIGEST_A, WAIT);
        deploy(Fixtures.DIGEST_B, WAIT);
        deploy(Fixtures.DIGEST_C, WAIT);
        Deployment before = live("orders-prod");
        DeploymentId id = new DeploymentId("orders", "prod", NS);
        DeployResult result = deployer.rollback(id, 1, new ApplyStamp(0, null, null), WAIT);
        assertThat(result.status()).isEqualTo("deployed");
        assertThat(result.revision()).isEqualTo(4);
        assertThat(result.image()).endsWith(Fixtures.DIGEST_A);
        Deployment after = live("orders-prod");
        assertThat(image(after)).endsWith(Fixtures.DIGEST_A);
        assertThat(after.getMetadata().getUid()).isEqualTo(before.getMetadata().getUid());
        List<Revision> revisions = history();
        assertThat(revisions).extracting(Revision::number).containsExactly(1, 2, 3, 4);
        assertThat(revisions.get(3).cause()).isEqualTo("rollback to revision 1");
        assertThat(revisions.get(3).fingerprint()).isEqualTo(revisions.get(0).fingerprint());
        assertThat(revisions).extracting(r -> r.status().label()).containsExactly("superseded", "superseded", "superseded", "deployed");

        assertThatThrownBy(() -> deployer.rollback(id, 9, new ApplyStamp(0, null, null), WAIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("revision 9 of orders/prod in namespace pipelines does not exist: its revisions are 1, 2, 3, 4");
    }

    @Test
    void historyListsEveryDeployWithImageCauseAndBuild() {
        deploy(AUTOSCALED, "prod", Fixtures.DIGEST_A, RolloutPolicy.noWait(), "first");
        deploy(AUTOSCALED, "prod", Fixtures.DIGEST_B, RolloutPolicy.noWait(), "second");
        deploy(Fixtures.withDeployment("replicas: {min: 1, max: 3}"), "prod", Fixtures.DIGEST_B, RolloutPolicy.noWait(), "fewer replicas");
        List<Revision> revisions = history();
        assertThat(revisions).extracting(Revision::number).containsExactly(1, 2, 3);
        assertThat(revisions).extracting(Revision::cause).containsExactly("first", "second", "fewer replicas");
        assertThat(revisions).extracting(Revision::image).containsExactly(
                Fixtures.REPOSITORY + "@" + Fixtures.DIGEST_A, Fixtures.REPOSITORY + "@" + Fixtures.DIGEST_B, Fixtures.REPOSITORY + "@" + Fixtures.DIGEST_B);
        assertThat(revisions).extracting(Revision::replicas).containsExactly(new ReplicaRange(2, 5), new ReplicaRange(2, 5), new ReplicaRange(1, 3));
        assertThat(revisions).allSatisfy(r -> {
            assertThat(r.buildUrl()).isEqualTo("https://ci.example.com/job/orders/1/");
            assertThat(r.revisionHash()).hasSize(64);
        });
        // min dropped to 1: the disruption budget is gone; the autoscaler stays.
        assertThat(client.policy().v1().podDisruptionBudget().inNamespace(NS).withName("orders-prod").get()).isNull();
        assertThat(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).withName("orders-prod").get().getSpec().getMaxReplicas()).isEqualTo(3);
    }

    @Test
    void historyKeepsOnlyTheNewestRevisions() {
        RolloutPolicy keepTwo = new RolloutPolicy(false, Duration.ofMinutes(1), false, 2);
        deploy(Fixtures.DIGEST_A, keepTwo);
        deploy(Fixtures.DIGEST_B, keepTwo);
        deploy(Fixtures.DIGEST_C, keepTwo);
        assertThat(history()).extracting(Revision::number).containsExactly(2, 3);
        assertThat(client.configMaps().inNamespace(NS).withName("datapipelines.orders-prod.v1").get()).isNull();
    }

    @Test
    void switchingToLagAutoscalingReplacesTheHpaWithAScaledObject() {
        deploy(Fixtures.DIGEST_A, RolloutPolicy.noWait());
        deploy(Fixtures.withDeployment("replicas: {min: 2, max: 5}\nautoscaling: {lagThreshold: 1000}"), "prod", Fixtures.DIGEST_A, RolloutPolicy.noWait(), null);
        assertThat(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).withName("orders-prod").get()).isNull();
        assertThat(client.genericKubernetesResources(KedaScaledObjectManifest.CONTEXT).inNamespace(NS).withName("orders-prod").get()).isNotNull();
        assertThat(progress).contains("deleted HorizontalPodAutoscaler orders-prod", "created ScaledObject orders-prod");
        // What KEDA adds to its ScaledObjects survives the next apply.
        client.genericKubernetesResources(KedaScaledObjectManifest.CONTEXT).inNamespace(NS).withName("orders-prod").edit(o -> {
            o.getMetadata().setFinalizers(List.of("finalizer.keda.sh"));
            o.getMetadata().setAnnotations(java.util.Map.of("autoscaling.keda.sh/paused", "false"));
            return o;
        });
        deploy(Fixtures.withDeployment("replicas: {min: 2, max: 7}\nautoscaling: {lagThreshold: 1000}"), "prod", Fixtures.DIGEST_A, RolloutPolicy.noWait(), null);
        var scaled = client.genericKubernetesResources(KedaScaledObjectManifest.CONTEXT).inNamespace(NS).withName("orders-prod").get();
        assertThat(scaled.getMetadata().getFinalizers()).containsExactly("finalizer.keda.sh");
        assertThat(scaled.getMetadata().getAnnotations()).containsEntry("autoscaling.keda.sh/paused", "false");
        assertThat(scaled.<Integer>get("spec", "maxReplicaCount")).isEqualTo(7);
    }

    @Test
    void anApplyKeepsTheReplicaCountTheAutoscalerChose() {
        deploy(Fixtures.DIGEST_A, RolloutPolicy.noWait());
        client.apps().deployments().inNamespace(NS).withName("orders-prod").edit(d -> {
            d.getSpec().setReplicas(4); // what the HPA decided
            return d;
        });
        deploy(Fixtures.DIGEST_B, RolloutPolicy.noWait());
        assertThat(live("orders-prod").getSpec().getReplicas()).isEqualTo(4);
        // Bounds that no longer allow 4 bring it within them.
        deploy(Fixtures.withDeployment("replicas: {min: 1, max: 3}"), "prod", Fixtures.DIGEST_B, RolloutPolicy.noWait(), null);
        assertThat(live("orders-prod").getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void aDeploymentThatIsNotOursIsLeftAlone() {
        client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
                .withNewMetadata().withName("orders-prod").addToLabels("app", "someone-else").endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", "someone-else").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "someone-else").endMetadata()
                .withNewSpec().addNewContainer().withName("x").withImage("nginx").endContainer().endSpec().endTemplate().endSpec()
                .build()).create();
        assertThatThrownBy(() -> deploy(Fixtures.DIGEST_A, RolloutPolicy.noWait()))
                .isInstanceOf(KubernetesFailure.class)
                .hasMessageContaining("Deployment orders-prod in namespace pipelines exists and does not belong to pipeline deployment orders/prod");
        assertThat(image(live("orders-prod"))).isEqualTo("nginx");
    }

    @Test
    void undeployRemovesEverythingAndTheHistoryUnlessKept() {
        deploy(Fixtures.withDeployment("replicas: {min: 2, max: 5}\nautoscaling: {lagThreshold: 1000}"), "prod", Fixtures.DIGEST_A, RolloutPolicy.noWait(), null);
        DeploymentId id = new DeploymentId("orders", "prod", NS);
        PipelineUndeployer undeployer = new PipelineUndeployer(client, progress::add);
        assertThat(undeployer.undeploy(id, true)).isTrue();
        assertThat(live("orders-prod")).isNull();
        assertThat(client.network().v1().networkPolicies().inNamespace(NS).list().getItems()).isEmpty();
        assertThat(client.genericKubernetesResources(KedaScaledObjectManifest.CONTEXT).inNamespace(NS).withName("orders-prod").get()).isNull();
        assertThat(history()).hasSize(1);
        // With the history kept, a rollback brings it back.
        assertThat(deployer.rollback(id, 1, new ApplyStamp(0, null, null), RolloutPolicy.noWait()).revision()).isEqualTo(2);
        assertThat(live("orders-prod")).isNotNull();
        assertThat(undeployer.undeploy(id, false)).isTrue();
        assertThat(history()).isEmpty();
        assertThat(undeployer.undeploy(id, false)).isFalse();
        assertThat(new StatusReader(client).read(id).state()).isEqualTo("not-deployed");
    }
}
