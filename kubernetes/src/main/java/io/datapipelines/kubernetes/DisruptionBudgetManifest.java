package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

import java.util.Optional;

/**
 * A PodDisruptionBudget for deployments that run at least two replicas: a node drain then takes one pod
 * at a time, so the pipeline keeps processing (with one replica a budget would block drains for good).
 */
public final class DisruptionBudgetManifest {
    private DisruptionBudgetManifest() {
    }

    public static Optional<PodDisruptionBudget> render(PipelineDeployment deployment) {
        if (deployment.replicas().min() < 2) {
            return Optional.empty();
        }
        DeploymentId id = deployment.id();
        return Optional.of(new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                    .withName(id.resourceName())
                    .withNamespace(id.namespace())
                    .withLabels(PipelineLabels.of(deployment))
                .endMetadata()
                .withNewSpec()
                    .withSelector(new LabelSelectorBuilder().withMatchLabels(PipelineLabels.selector(id)).build())
                    .withMaxUnavailable(new IntOrString(1))
                .endSpec()
                .build());
    }
}
