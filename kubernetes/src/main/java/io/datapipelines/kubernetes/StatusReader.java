package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Map;

/** Reads a pipeline deployment's live state from its Deployment (and which autoscaler it has). */
public final class StatusReader {
    private final KubernetesClient client;

    public StatusReader(KubernetesClient client) {
        this.client = client;
    }

    public PipelineStatus read(DeploymentId id) {
        Deployment deployment = ApiErrors.call("read Deployment " + id.resourceName(), id.namespace(),
                () -> client.apps().deployments().inNamespace(id.namespace()).withName(id.resourceName()).get());
        if (deployment == null || !ResourceApplier.isOurs(id, deployment)) {
            return new PipelineStatus(id, 0, null, null, 0, 0, 0, 0, PipelineStatus.NOT_DEPLOYED,
                    "no Deployment " + id.resourceName() + " of " + id.pipeline() + "/" + id.deployment() + " in namespace " + id.namespace(),
                    "none");
        }
        Map<String, String> annotations = deployment.getMetadata().getAnnotations() == null ? Map.of() : deployment.getMetadata().getAnnotations();
        RolloutCheck check = RolloutCheck.of(deployment);
        String state = switch (check.state()) {
            case COMPLETE -> PipelineStatus.AVAILABLE;
            case FAILED -> PipelineStatus.FAILED;
            case IN_PROGRESS -> PipelineStatus.PROGRESSING;
        };
        DeploymentStatus status = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        int desired = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        ReplicaRange replicas = new ReplicaRange(number(annotations.get(PipelineAnnotations.MIN_REPLICAS), desired),
                number(annotations.get(PipelineAnnotations.MAX_REPLICAS), desired));
        String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        return new PipelineStatus(id, number(annotations.get(PipelineAnnotations.REVISION), 0), image, replicas, desired,
                orZero(status.getUpdatedReplicas()), orZero(status.getReadyReplicas()), orZero(status.getAvailableReplicas()),
                state, check.message(), autoscaler(id));
    }

    private String autoscaler(DeploymentId id) {
        if (ManagedKind.HORIZONTAL_POD_AUTOSCALER.resource(client, id.namespace(), id.resourceName()).get() != null) {
            return "HorizontalPodAutoscaler";
        }
        try {
            if (ManagedKind.SCALED_OBJECT.resource(client, id.namespace(), id.resourceName()).get() != null) {
                return "ScaledObject";
            }
        } catch (KubernetesClientException e) {
            // No KEDA in the cluster (or no right to read it): then there is no ScaledObject we could report.
        }
        return "none";
    }

    private static int number(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
