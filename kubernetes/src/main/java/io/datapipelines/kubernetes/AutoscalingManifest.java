package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Optional;

/**
 * Which autoscaler a deployment gets: none when min equals max, a KEDA ScaledObject on consumer lag when
 * the definition sets {@code autoscaling.lagThreshold}, otherwise a HorizontalPodAutoscaler on CPU.
 */
public final class AutoscalingManifest {
    private AutoscalingManifest() {
    }

    public static Optional<HasMetadata> render(PipelineDeployment deployment) {
        if (!deployment.replicas().autoscaled()) {
            return Optional.empty();
        }
        if (deployment.definition().spec().deployment().lagThreshold() != null) {
            return Optional.of(KedaScaledObjectManifest.render(deployment));
        }
        return Optional.of(HorizontalPodAutoscalerManifest.render(deployment));
    }
}
