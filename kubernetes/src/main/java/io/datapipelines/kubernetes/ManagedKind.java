package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

/** The kinds of object a pipeline deployment consists of, each with how to reach one by name. */
enum ManagedKind {
    NETWORK_POLICY("NetworkPolicy") {
        @Override
        Resource<? extends HasMetadata> resource(KubernetesClient client, String namespace, String name) {
            return client.network().v1().networkPolicies().inNamespace(namespace).withName(name);
        }
    },
    POD_DISRUPTION_BUDGET("PodDisruptionBudget") {
        @Override
        Resource<? extends HasMetadata> resource(KubernetesClient client, String namespace, String name) {
            return client.policy().v1().podDisruptionBudget().inNamespace(namespace).withName(name);
        }
    },
    DEPLOYMENT("Deployment") {
        @Override
        Resource<? extends HasMetadata> resource(KubernetesClient client, String namespace, String name) {
            return client.apps().deployments().inNamespace(namespace).withName(name);
        }
    },
    HORIZONTAL_POD_AUTOSCALER("HorizontalPodAutoscaler") {
        @Override
        Resource<? extends HasMetadata> resource(KubernetesClient client, String namespace, String name) {
            return client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).withName(name);
        }
    },
    SCALED_OBJECT("ScaledObject") {
        @Override
        Resource<? extends HasMetadata> resource(KubernetesClient client, String namespace, String name) {
            return client.genericKubernetesResources(KedaScaledObjectManifest.CONTEXT).inNamespace(namespace).withName(name);
        }
    };

    private final String kind;

    ManagedKind(String kind) {
        this.kind = kind;
    }

    /** The object of this kind with that name (to get or delete it). */
    abstract Resource<? extends HasMetadata> resource(KubernetesClient client, String namespace, String name);

    /** The given object (to create or update it). */
    @SuppressWarnings("unchecked")
    Resource<HasMetadata> resource(KubernetesClient client, String namespace, HasMetadata item) {
        if (this == SCALED_OBJECT) {
            // Through its explicit context: discovery of the keda.sh group is not needed (nor always permitted).
            Resource<? extends HasMetadata> generic = client.genericKubernetesResources(KedaScaledObjectManifest.CONTEXT)
                    .inNamespace(namespace).resource((GenericKubernetesResource) item);
            return (Resource<HasMetadata>) generic;
        }
        return client.resource(item).inNamespace(namespace);
    }

    String kind() {
        return kind;
    }

    static ManagedKind of(HasMetadata object) {
        if (object instanceof NetworkPolicy) {
            return NETWORK_POLICY;
        } else if (object instanceof PodDisruptionBudget) {
            return POD_DISRUPTION_BUDGET;
        } else if (object instanceof Deployment) {
            return DEPLOYMENT;
        } else if (object instanceof HorizontalPodAutoscaler) {
            return HORIZONTAL_POD_AUTOSCALER;
        } else if (object instanceof GenericKubernetesResource generic && KedaScaledObjectManifest.KIND.equals(generic.getKind())) {
            return SCALED_OBJECT;
        }
        throw new IllegalArgumentException("not an object of a pipeline deployment: " + object.getKind());
    }
}
