package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of API failure becomes one message that says what was attempted and what to do. */
@EnableKubernetesMockClient
class ApiErrorsTest {
    private static final String DEPLOYMENT = "/apis/apps/v1/namespaces/pipelines/deployments/orders-prod";

    KubernetesMockServer server;
    KubernetesClient client;

    private void answer(int code, String reason, String message) {
        server.expect().get().withPath(DEPLOYMENT).andReturn(code, new StatusBuilder().withCode(code).withReason(reason)
                .withMessage(message).withStatus("Failure").build()).always();
    }

    private Throwable deployWith(KubernetesClient api) {
        PipelineDeployer deployer = new PipelineDeployer(api, line -> { }, Duration.ofMillis(10), java.time.Clock.systemUTC());
        return org.assertj.core.api.Assertions.catchThrowable(() ->
                deployer.deploy(Fixtures.deployment(Fixtures.withDeployment("replicas: {min: 1}"), "prod", Fixtures.DIGEST_A),
                        new ApplyStamp(0, null, null), RolloutPolicy.noWait()));
    }

    @Test
    void forbiddenNamesTheVerbTheObjectAndTheRoleToGrant() {
        answer(403, "Forbidden", "deployments.apps \"orders-prod\" is forbidden: User \"system:serviceaccount:ci:jenkins\" cannot get resource "
                + "\"deployments\" in API group \"apps\" in the namespace \"pipelines\"");
        assertThat(deployWith(client)).isInstanceOf(KubernetesFailure.class).hasMessage(
                "forbidden: not allowed to read Deployment orders-prod in namespace pipelines (deployments.apps \"orders-prod\" is forbidden: "
                        + "User \"system:serviceaccount:ci:jenkins\" cannot get resource \"deployments\" in API group \"apps\" in the namespace "
                        + "\"pipelines\"); the deployer needs the Role in docs/deployment.md");
    }

    @Test
    void unauthorizedPointsAtTheCredentials() {
        answer(401, "Unauthorized", "Unauthorized");
        assertThat(deployWith(client)).hasMessageStartingWith("unauthorized: the Kubernetes API rejected the credentials");
    }

    @Test
    void notFoundAsksWhetherTheNamespaceExists() {
        server.expect().get().withPath("/api/v1/namespaces/pipelines/configmaps/datapipelines.orders-prod.v3").andReturn(404,
                new StatusBuilder().withCode(404).withReason("NotFound").withMessage("namespaces \"pipelines\" not found").build()).always();
        // A 404 on a named GET is "absent" to the client; on a write it is an error, as here on a status update.
        assertThatThrownBy(() -> ApiErrors.call("update the history ConfigMap datapipelines.orders-prod.v3", "pipelines",
                () -> client.configMaps().inNamespace("pipelines").withName("datapipelines.orders-prod.v3").edit(c -> c)))
                .isInstanceOf(KubernetesFailure.class)
                .hasMessageStartingWith("not found: cannot update the history ConfigMap datapipelines.orders-prod.v3 in namespace pipelines")
                .hasMessageEndingWith("(does namespace pipelines exist?)");
    }

    @Test
    void conflictSaysSomeoneElseChangedIt() {
        server.expect().post().withPath("/api/v1/namespaces/pipelines/configmaps").andReturn(409, new StatusBuilder().withCode(409)
                .withReason("AlreadyExists").withMessage("configmaps \"datapipelines.orders-prod.v1\" already exists").build()).always();
        server.expect().get().withPath("/api/v1/namespaces/pipelines/configmaps?labelSelector=io.datapipelines%2Fpipeline%3Dorders%2Cio.datapipelines%2Fdeployment%3Dprod%2Capp.kubernetes.io%2Fmanaged-by%3Ddatapipelines%2Cio.datapipelines%2Fhistory%3Dtrue")
                .andReturn(200, new io.fabric8.kubernetes.api.model.ConfigMapListBuilder().build()).always();
        server.expect().get().withPath(DEPLOYMENT).andReturn(404, null).always();
        assertThat(deployWith(client)).isInstanceOf(KubernetesFailure.class).hasMessage(
                "conflict: cannot create the history ConfigMap datapipelines.orders-prod.v1 in namespace pipelines: it was changed by someone "
                        + "else at the same time (configmaps \"datapipelines.orders-prod.v1\" already exists); run the command again");
    }

    @Test
    void serverErrorsAndTimeoutsSaySo() {
        answer(504, "Timeout", "the server was unable to return a response in the time allotted");
        // The client retries server errors with a back-off; without retries the test is quick.
        Config noRetries = new ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build();
        try (KubernetesClient once = new KubernetesClientBuilder().withConfig(noRetries).build()) {
            assertThat(deployWith(once)).hasMessageStartingWith("timed out: cannot read Deployment orders-prod in namespace pipelines: "
                    + "the server was unable to return a response in the time allotted");
        }
    }

    @Test
    void anUnreachableApiServerIsOneLine() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        Config config = new ConfigBuilder().withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(2000).build();
        try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(config).build()) {
            Throwable failure = deployWith(unreachable);
            assertThat(failure).isInstanceOf(KubernetesFailure.class)
                    .hasMessageStartingWith("unreachable: cannot connect to the Kubernetes API to read Deployment orders-prod in namespace pipelines");
        }
    }

    @Test
    void aClusterWithoutKedaIsNamedWhenLagScalingNeedsIt() {
        String history = "/api/v1/namespaces/pipelines/configmaps";
        server.expect().get().withPath(history + "?labelSelector=io.datapipelines%2Fpipeline%3Dorders%2Cio.datapipelines%2Fdeployment%3Dprod%2Capp.kubernetes.io%2Fmanaged-by%3Ddatapipelines%2Cio.datapipelines%2Fhistory%3Dtrue")
                .andReturn(200, new io.fabric8.kubernetes.api.model.ConfigMapListBuilder().build()).always();
        server.expect().post().withPath(history).andReturn(201, new io.fabric8.kubernetes.api.model.ConfigMap()).always();
        server.expect().post().withPath("/apis/networking.k8s.io/v1/namespaces/pipelines/networkpolicies")
                .andReturn(201, new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy()).always();
        server.expect().post().withPath("/apis/apps/v1/namespaces/pipelines/deployments")
                .andReturn(201, new io.fabric8.kubernetes.api.model.apps.Deployment()).always();
        server.expect().patch().withPath(history + "/datapipelines.orders-prod.v1")
                .andReturn(200, new io.fabric8.kubernetes.api.model.ConfigMap()).always();
        // Everything else, the keda.sh API included, answers 404 as a cluster without KEDA does.
        PipelineDeployer deployer = new PipelineDeployer(client, line -> { }, Duration.ofMillis(10), java.time.Clock.systemUTC());
        assertThatThrownBy(() -> deployer.deploy(Fixtures.deployment(Fixtures.withDeployment("replicas: {min: 1, max: 4}\nautoscaling: {lagThreshold: 100}"),
                "prod", Fixtures.DIGEST_A), new ApplyStamp(0, null, null), RolloutPolicy.noWait()))
                .isInstanceOf(KubernetesFailure.class)
                .hasMessage("the cluster has no KEDA (no ScaledObject API keda.sh/v1alpha1), which spec.deployment.autoscaling.lagThreshold needs: "
                        + "install KEDA, or remove lagThreshold to scale on CPU");
    }
}
