package io.datapipelines.kubernetes;

import io.datapipelines.model.CanonicalForm;
import io.datapipelines.model.PipelineDefinition;

import java.util.Objects;

/**
 * One pipeline deployment: a pipeline, under a deployment name (orders-eu as "prod", and as "canary"), in
 * a namespace, running an image pinned by digest. Several deployments of a pipeline run side by side,
 * each with its own Kubernetes objects and its own Kafka consumer group.
 *
 * @param name     the deployment name, part of the object names and the Kafka application.id
 * @param replicas the replica bounds, already capped at the partition count ({@link PartitionCap})
 */
public record PipelineDeployment(PipelineDefinition definition, String name, String namespace, ImageReference image,
                                 ReplicaRange replicas, DeploymentOptions options) {
    public PipelineDeployment {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(options, "options");
        KubernetesNames.requireDnsLabel(name, "deployment name");
        KubernetesNames.requireDnsLabel(namespace, "namespace");
    }

    public PipelineDeployment withOptions(DeploymentOptions newOptions) {
        return new PipelineDeployment(definition, name, namespace, image, replicas, newOptions);
    }

    public DeploymentId id() {
        return new DeploymentId(definition.name(), name, namespace);
    }

    public String revisionHash() {
        return CanonicalForm.revisionHash(definition);
    }
}
