package io.datapipelines.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datapipelines.kubernetes.DeployResult;
import io.datapipelines.kubernetes.DeploymentId;
import io.datapipelines.kubernetes.PipelineDeployment;
import io.datapipelines.kubernetes.PipelineManifests;
import io.datapipelines.kubernetes.PipelineStatus;
import io.datapipelines.kubernetes.ReplicaRange;
import io.datapipelines.kubernetes.Revision;

import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.List;

/**
 * The JSON the Kubernetes commands print with {@code --output json}, one object on one line: what the
 * Jenkins step reads. The shape is fixed (docs/deployment.md):
 * {@code {"namespace","deployment","revision","image","replicas":{"min","max"},"status"}}.
 */
final class DeploymentJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    static final String DRY_RUN = "dry-run";

    private DeploymentJson() {
    }

    static String of(DeployResult result) {
        return write(object(result.id(), result.revision(), result.image(), result.replicas(), result.status()));
    }

    /**
     * What {@code deploy --dry-run --output json} prints: the same object as a deploy, with no revision and the status
     * {@code dry-run}, plus the manifests that would be applied, as a Kubernetes List.
     */
    static String dryRun(PipelineDeployment deployment, PipelineManifests manifests) {
        ObjectNode node = object(deployment.id(), null, deployment.image().pinned(), deployment.replicas(), DRY_RUN);
        try {
            node.set("manifests", JSON.readTree(SERIALIZATION.asJson(new KubernetesListBuilder().withItems(manifests.objects()).build())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return write(node);
    }

    static String of(PipelineStatus status) {
        return write(object(status.id(), status.revision() == 0 ? null : status.revision(), status.image(), status.replicas(), status.state()));
    }

    static String history(List<Revision> revisions) {
        ArrayNode array = JSON.createArrayNode();
        for (Revision r : revisions) {
            ObjectNode node = array.addObject();
            node.put("revision", r.number());
            node.put("time", r.time().toString());
            node.put("status", r.status().label());
            node.put("image", r.image());
            node.put("revisionHash", r.revisionHash());
            node.putObject("replicas").put("min", r.replicas().min()).put("max", r.replicas().max());
            node.put("cause", r.cause());
            node.put("buildUrl", r.buildUrl());
        }
        return write(array);
    }

    private static ObjectNode object(DeploymentId id, Integer revision, String image, ReplicaRange replicas, String status) {
        ObjectNode node = JSON.createObjectNode();
        node.put("namespace", id.namespace());
        node.put("deployment", id.deployment());
        node.put("revision", revision);
        node.put("image", image);
        if (replicas == null) {
            node.putNull("replicas");
        } else {
            node.putObject("replicas").put("min", replicas.min()).put("max", replicas.max());
        }
        node.put("status", status);
        return node;
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
