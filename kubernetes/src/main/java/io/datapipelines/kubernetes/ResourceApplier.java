package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies a deployment's manifests: each object is created, or updated in place (a PUT of the whole
 * object with the live resourceVersion, so a concurrent change is a conflict, never silently lost). The
 * Deployment is never deleted and recreated: an update to its pod template is a rolling update. Objects
 * of ours that the new manifests no longer have (an HPA after switching to KEDA, a PodDisruptionBudget
 * after min dropped to 1) are deleted. Objects with our names that we do not manage are left alone, and
 * the apply fails.
 *
 * <p>Neither server-side apply nor strategic merge is used: both are unavailable on some API servers
 * (and on fabric8's mock server) and neither is needed when we own every field we write.
 */
final class ResourceApplier {
    private static final int CONFLICT_RETRIES = 3;

    private final KubernetesClient client;
    private final Consumer<String> progress;

    ResourceApplier(KubernetesClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    void apply(DeploymentId id, PipelineManifests manifests) {
        Set<ManagedKind> wanted = EnumSet.noneOf(ManagedKind.class);
        for (HasMetadata object : manifests.objects()) {
            wanted.add(ManagedKind.of(object));
        }
        // Stale autoscalers first: KEDA refuses a ScaledObject for a Deployment that an HPA already scales.
        for (ManagedKind kind : EnumSet.complementOf(EnumSet.copyOf(wanted))) {
            deleteIfOurs(id, kind);
        }
        for (HasMetadata object : manifests.objects()) {
            applyOne(id, ManagedKind.of(object), object);
        }
    }

    /** Deletes every object of the deployment (for undeploy). */
    boolean deleteAll(DeploymentId id) {
        boolean any = false;
        for (ManagedKind kind : ManagedKind.values()) {
            any |= deleteIfOurs(id, kind);
        }
        return any;
    }

    private void applyOne(DeploymentId id, ManagedKind kind, HasMetadata desired) {
        String name = desired.getMetadata().getName();
        String what = kind.kind() + " " + name;
        for (int attempt = 1; ; attempt++) {
            HasMetadata live = ApiErrors.call("read " + what, id.namespace(), () -> kind.resource(client, id.namespace(), name).get());
            try {
                if (live == null) {
                    create(id, kind, desired, what);
                    progress.accept("created " + what);
                } else {
                    requireOurs(id, kind, live);
                    HasMetadata update = merged(kind, desired, live);
                    ApiErrors.call("update " + what, id.namespace(), () -> kind.resource(client, id.namespace(), update).update());
                    progress.accept("updated " + what);
                }
                return;
            } catch (KubernetesFailure e) {
                if (attempt >= CONFLICT_RETRIES || !(e.getCause() instanceof KubernetesClientException k) || k.getCode() != 409) {
                    throw e;
                }
                // Someone (often a controller writing status or an annotation) changed it between our read and write: read again.
            }
        }
    }

    private void create(DeploymentId id, ManagedKind kind, HasMetadata desired, String what) {
        try {
            kind.resource(client, id.namespace(), desired).create();
        } catch (KubernetesClientException e) {
            if (kind == ManagedKind.SCALED_OBJECT && e.getCode() == 404) {
                throw new KubernetesFailure("the cluster has no KEDA (no ScaledObject API " + KedaScaledObjectManifest.API_VERSION
                        + "), which spec.deployment.autoscaling.lagThreshold needs: install KEDA, or remove lagThreshold to scale on CPU", e);
            }
            throw ApiErrors.translate(e, "create " + what, id.namespace());
        }
    }

    /**
     * The desired object, on top of what lives in the cluster: labels and annotations that others wrote
     * are kept (the Deployment controller's revision annotation, say), and so are finalizers and owner
     * references; ours are set, and so is the resourceVersion we read. A Deployment with an autoscaler keeps its live replica count (within the
     * new bounds), so that an apply does not undo the autoscaler's last decision.
     */
    private static HasMetadata merged(ManagedKind kind, HasMetadata desired, HasMetadata live) {
        Map<String, String> labels = new LinkedHashMap<>(orEmpty(live.getMetadata().getLabels()));
        labels.putAll(orEmpty(desired.getMetadata().getLabels()));
        desired.getMetadata().setLabels(labels);
        Map<String, String> annotations = new LinkedHashMap<>(orEmpty(live.getMetadata().getAnnotations()));
        annotations.keySet().removeAll(PipelineAnnotations.PER_APPLY);
        annotations.putAll(orEmpty(desired.getMetadata().getAnnotations()));
        desired.getMetadata().setAnnotations(annotations);
        desired.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
        // A PUT replaces metadata too: keep what controllers hang on our objects (KEDA's finalizer on a ScaledObject).
        desired.getMetadata().setFinalizers(live.getMetadata().getFinalizers());
        desired.getMetadata().setOwnerReferences(live.getMetadata().getOwnerReferences());
        if (kind == ManagedKind.DEPLOYMENT && desired instanceof Deployment d && live instanceof Deployment l) {
            Integer liveReplicas = l.getSpec() == null ? null : l.getSpec().getReplicas();
            if (liveReplicas != null && autoscaled(d)) {
                int min = minReplicas(d);
                int max = maxReplicas(d);
                d.getSpec().setReplicas(Math.max(min, Math.min(max, liveReplicas)));
            }
        }
        return desired;
    }

    private boolean deleteIfOurs(DeploymentId id, ManagedKind kind) {
        String name = id.resourceName();
        String what = kind.kind() + " " + name;
        Resource<? extends HasMetadata> resource = kind.resource(client, id.namespace(), name);
        HasMetadata live;
        try {
            live = resource.get();
        } catch (KubernetesClientException e) {
            if (kind == ManagedKind.SCALED_OBJECT && e.getCode() == 404) {
                return false; // KEDA is not installed, so there is no ScaledObject to delete
            }
            throw ApiErrors.translate(e, "read " + what, id.namespace());
        }
        if (live == null || !isOurs(id, live)) {
            return false;
        }
        ApiErrors.run("delete " + what, id.namespace(), () -> resource.delete());
        progress.accept("deleted " + what);
        return true;
    }

    static boolean isOurs(DeploymentId id, HasMetadata live) {
        Map<String, String> labels = orEmpty(live.getMetadata().getLabels());
        return PipelineLabels.ownership(id).entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static void requireOurs(DeploymentId id, ManagedKind kind, HasMetadata live) {
        if (!isOurs(id, live)) {
            throw new KubernetesFailure(kind.kind() + " " + live.getMetadata().getName() + " in namespace " + id.namespace()
                    + " exists and does not belong to pipeline deployment " + id.pipeline() + "/" + id.deployment()
                    + " (it lacks the labels " + PipelineLabels.ownership(id) + "): not changing it");
        }
    }

    // The bounds ride along on the Deployment as annotations, so that the applier needs nothing but the manifests.
    private static boolean autoscaled(Deployment d) {
        return maxReplicas(d) > minReplicas(d);
    }

    private static int minReplicas(Deployment d) {
        return Integer.parseInt(orEmpty(d.getMetadata().getAnnotations()).getOrDefault(PipelineAnnotations.MIN_REPLICAS,
                String.valueOf(d.getSpec().getReplicas())));
    }

    private static int maxReplicas(Deployment d) {
        return Integer.parseInt(orEmpty(d.getMetadata().getAnnotations()).getOrDefault(PipelineAnnotations.MAX_REPLICAS,
                String.valueOf(d.getSpec().getReplicas())));
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
