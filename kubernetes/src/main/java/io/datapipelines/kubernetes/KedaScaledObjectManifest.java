package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A KEDA ScaledObject with the Kafka scaler: replicas follow the consumer group's lag, one replica per
 * {@code lagThreshold} records behind, between the replica bounds. One trigger per source topic (KEDA
 * scales to the largest). KEDA is a CRD, so this is a generic resource and the cluster must have KEDA.
 */
public final class KedaScaledObjectManifest {
    public static final String API_VERSION = "keda.sh/v1alpha1";
    public static final String KIND = "ScaledObject";
    /** Given explicitly: API discovery is not needed (nor always allowed) to reach it. */
    public static final ResourceDefinitionContext CONTEXT = new ResourceDefinitionContext.Builder()
            .withGroup("keda.sh").withVersion("v1alpha1").withKind(KIND).withPlural("scaledobjects").withNamespaced(true).build();

    private KedaScaledObjectManifest() {
    }

    public static GenericKubernetesResource render(PipelineDeployment deployment) {
        DeploymentId id = deployment.id();
        List<Object> triggers = new ArrayList<>();
        for (String topic : deployment.definition().spec().source().topics()) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("bootstrapServers", deployment.options().kafka().bootstrapServers());
            metadata.put("consumerGroup", id.consumerGroup());
            metadata.put("topic", topic);
            metadata.put("lagThreshold", String.valueOf(deployment.definition().spec().deployment().lagThreshold()));
            // Before the group has committed offsets, lag counts from where the pipeline starts reading.
            metadata.put("offsetResetPolicy", deployment.definition().spec().source().startFrom().yamlName());
            Map<String, Object> trigger = new LinkedHashMap<>();
            trigger.put("type", "kafka");
            trigger.put("metadata", metadata);
            if (deployment.options().kedaAuthentication() != null) {
                trigger.put("authenticationRef", Map.of("name", deployment.options().kedaAuthentication()));
            }
            triggers.add(trigger);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("apiVersion", "apps/v1");
        target.put("kind", "Deployment");
        target.put("name", id.resourceName());
        spec.put("scaleTargetRef", target);
        spec.put("minReplicaCount", deployment.replicas().min());
        spec.put("maxReplicaCount", deployment.replicas().max());
        spec.put("triggers", triggers);
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION)
                .withKind(KIND)
                .withNewMetadata()
                    .withName(id.resourceName())
                    .withNamespace(id.namespace())
                    .withLabels(PipelineLabels.of(deployment))
                .endMetadata()
                .addToAdditionalProperties("spec", spec)
                .build();
    }
}
