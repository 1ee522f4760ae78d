package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;

/** An autoscaling/v2 HorizontalPodAutoscaler on CPU utilisation (of the requests), between the replica bounds. */
public final class HorizontalPodAutoscalerManifest {
    private HorizontalPodAutoscalerManifest() {
    }

    public static HorizontalPodAutoscaler render(PipelineDeployment deployment) {
        DeploymentId id = deployment.id();
        return new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                    .withName(id.resourceName())
                    .withNamespace(id.namespace())
                    .withLabels(PipelineLabels.of(deployment))
                .endMetadata()
                .withNewSpec()
                    .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(id.resourceName()).endScaleTargetRef()
                    .withMinReplicas(deployment.replicas().min())
                    .withMaxReplicas(deployment.replicas().max())
                    .addNewMetric()
                        .withType("Resource")
                        .withNewResource()
                            .withName("cpu")
                            .withNewTarget().withType("Utilization")
                                .withAverageUtilization(deployment.definition().spec().deployment().cpuUtilization()).endTarget()
                        .endResource()
                    .endMetric()
                .endSpec()
                .build();
    }
}
