package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The shadow of a deployment ({@code deploy --shadow}): the NEW image running the runtime's shadow mode
 * against the LIVE revision's canonical definition, beside the live Deployment. Its objects are those of a
 * deployment of their own, {@code <deployment>-shadow} (so its pods match none of the live deployment's
 * selectors, and it has its own NetworkPolicy, as restricted as the pipeline's, and its own Kafka login
 * Secret), plus a ConfigMap with the live definition, mounted read-only where {@code DATAPIPELINES_SHADOW_OF}
 * points. The runtime is told the live deployment's name, so the diff topic is
 * {@code <pipeline>-<deployment>-shadow} and the consumer group the shadow's own. Every object carries
 * {@link #SHADOW_OF_LABEL}: only objects with it are ever removed.
 */
public final class ShadowDeployer {
    public static final String SHADOW_OF_LABEL = "io.datapipelines/shadow-of";
    public static final String LIVE_DEFINITION_KEY = "live.json";
    public static final String MOUNT_PATH = "/etc/datapipelines/shadow";

    private final KubernetesClient client;
    private final Consumer<String> progress;

    public ShadowDeployer(KubernetesClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    /** The shadow's own deployment id: {@code <deployment>-shadow} beside the live one. */
    public static DeploymentId shadowId(DeploymentId live) {
        return new DeploymentId(live.pipeline(), live.deployment() + "-shadow", live.namespace());
    }

    /** The name of the ConfigMap holding the live revision's definition. */
    public static String liveDefinitionConfigMap(DeploymentId live) {
        return shadowId(live).resourceName() + "-live";
    }

    /**
     * The shadow's objects: NetworkPolicy (when the pipeline has one), the live definition's ConfigMap and the
     * Deployment (one replica, the candidate's image and settings).
     *
     * @param candidate      the new revision as it would be deployed
     * @param liveDefinition the live revision's canonical definition (JSON)
     */
    public static List<HasMetadata> render(PipelineDeployment candidate, String liveDefinition) {
        DeploymentId live = candidate.id();
        DeploymentId shadow = shadowId(live);
        PipelineDeployment asShadow = new PipelineDeployment(candidate.definition(), shadow.deployment(), shadow.namespace(),
                candidate.image(), new ReplicaRange(1, 1), candidate.options());
        List<HasMetadata> objects = new ArrayList<>();
        if (candidate.options().security().networkPolicy()) {
            NetworkPolicy policy = NetworkPolicyManifest.render(asShadow);
            label(policy, live);
            objects.add(policy);
        }
        Map<String, String> labels = new LinkedHashMap<>(PipelineLabels.ownership(shadow));
        labels.put(SHADOW_OF_LABEL, live.deployment());
        objects.add(new ConfigMapBuilder()
                .withNewMetadata().withName(liveDefinitionConfigMap(live)).withNamespace(live.namespace()).withLabels(labels).endMetadata()
                .withData(Map.of(LIVE_DEFINITION_KEY, liveDefinition))
                .withImmutable(true)
                .build());
        Deployment deployment = DeploymentManifest.render(asShadow);
        label(deployment, live);
        Map<String, String> podLabels = new LinkedHashMap<>(deployment.getSpec().getTemplate().getMetadata().getLabels());
        podLabels.put("app.kubernetes.io/component", "shadow");
        podLabels.put(SHADOW_OF_LABEL, live.deployment());
        deployment.getSpec().getTemplate().getMetadata().setLabels(podLabels);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        pod.getVolumes().add(new VolumeBuilder().withName("live-definition")
                .withNewConfigMap().withName(liveDefinitionConfigMap(live)).withDefaultMode(0444).endConfigMap().build());
        Container container = pod.getContainers().get(0);
        container.getVolumeMounts().add(new VolumeMountBuilder().withName("live-definition").withMountPath(MOUNT_PATH).withReadOnly(true).build());
        List<EnvVar> env = new ArrayList<>();
        for (EnvVar var : container.getEnv()) {
            // The live deployment's name: the diff topic and the shadow's consumer group are named after it.
            env.add(var.getName().equals("DATAPIPELINES_DEPLOYMENT") ? plain(var.getName(), live.deployment()) : var);
        }
        env.add(plain("DATAPIPELINES_SHADOW_OF", MOUNT_PATH + "/" + LIVE_DEFINITION_KEY));
        container.setEnv(env);
        objects.add(deployment);
        return objects;
    }

    /**
     * Starts the shadow of {@code candidate} (removing the leftovers of an earlier one first).
     *
     * @param credentials the pods' Kafka login, exactly when the candidate has SASL settings (kept in the shadow's own Secret)
     */
    public void start(PipelineDeployment candidate, String liveDefinition, KafkaCredentials credentials) {
        DeploymentId live = candidate.id();
        DeploymentId shadow = shadowId(live);
        remove(live);
        if (foreignDeployment(live)) {
            throw new KubernetesFailure("Deployment " + shadow.resourceName() + " in namespace " + live.namespace() + " exists and is not the shadow of "
                    + live + " (it lacks the label " + SHADOW_OF_LABEL + "=" + live.deployment() + "): not changing it");
        }
        KafkaSasl sasl = candidate.options().kafkaSasl();
        if (sasl != null) {
            if (credentials == null) {
                throw new IllegalArgumentException("the deployment logs in to Kafka with SASL " + sasl.mechanism() + " but no credentials were given");
            }
            int generation = new KafkaCredentialsSecret(client, progress).apply(shadow, credentials);
            candidate = candidate.withOptions(candidate.options().withKafkaSasl(sasl.withGeneration(generation)));
        }
        for (HasMetadata object : render(candidate, liveDefinition)) {
            String what = object.getKind() + " " + object.getMetadata().getName();
            HasMetadata existing = ApiErrors.call("read " + what, live.namespace(), () -> resource(object).get());
            if (existing != null) { // not removed above: not a shadow's
                throw new KubernetesFailure(what + " in namespace " + live.namespace() + " exists and is not the shadow of " + live
                        + " (it lacks the label " + SHADOW_OF_LABEL + "=" + live.deployment() + "): not changing it");
            }
            ApiErrors.call("create " + what, live.namespace(), () -> resource(object).create());
            progress.accept("created shadow " + what);
        }
    }

    /** Deletes every object of the shadow of {@code live} that there is; returns how many. Safe to call at any time, twice. */
    public int remove(DeploymentId live) {
        DeploymentId shadow = shadowId(live);
        String ns = live.namespace();
        int removed = 0;
        removed += delete("Deployment " + shadow.resourceName(), ns, live, client.apps().deployments().inNamespace(ns).withName(shadow.resourceName()));
        removed += delete("NetworkPolicy " + shadow.resourceName(), ns, live,
                client.network().v1().networkPolicies().inNamespace(ns).withName(shadow.resourceName()));
        removed += delete("ConfigMap " + liveDefinitionConfigMap(live), ns, live, client.configMaps().inNamespace(ns).withName(liveDefinitionConfigMap(live)));
        // The Secret has no shadow label of its own: it is the shadow's only while no other Deployment has the shadow's name.
        if (!foreignDeployment(live) && new KafkaCredentialsSecret(client, progress).delete(shadow)) {
            removed++;
        }
        return removed;
    }

    /** Whether a Deployment with the shadow's name exists that is not a shadow (a deployment really named {@code <deployment>-shadow}). */
    private boolean foreignDeployment(DeploymentId live) {
        DeploymentId shadow = shadowId(live);
        Deployment existing = ApiErrors.call("read Deployment " + shadow.resourceName(), live.namespace(),
                () -> client.apps().deployments().inNamespace(live.namespace()).withName(shadow.resourceName()).get());
        return existing != null && (existing.getMetadata().getLabels() == null
                || !live.deployment().equals(existing.getMetadata().getLabels().get(SHADOW_OF_LABEL)));
    }

    private int delete(String what, String namespace, DeploymentId live, Resource<? extends HasMetadata> resource) {
        HasMetadata existing = ApiErrors.call("read " + what, namespace, resource::get);
        if (existing == null || existing.getMetadata().getLabels() == null
                || !live.deployment().equals(existing.getMetadata().getLabels().get(SHADOW_OF_LABEL))
                || !ResourceApplier.isOurs(shadowId(live), existing)) {
            return 0;
        }
        ApiErrors.run("delete " + what, namespace, resource::delete);
        progress.accept("deleted shadow " + what);
        return 1;
    }

    private Resource<HasMetadata> resource(HasMetadata object) {
        return client.resource(object).inNamespace(object.getMetadata().getNamespace());
    }

    private static void label(HasMetadata object, DeploymentId live) {
        Map<String, String> labels = new LinkedHashMap<>(object.getMetadata().getLabels());
        labels.put("app.kubernetes.io/component", "shadow");
        labels.put(SHADOW_OF_LABEL, live.deployment());
        object.getMetadata().setLabels(labels);
    }

    private static EnvVar plain(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }
}
