package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Secret that holds a pipeline deployment's Kafka login, {@code datapipelines.NAME.kafka-credentials}, with
 * one key, {@code KAFKA_SASL_JAAS_CONFIG}, which the pods get through a {@code secretKeyRef}
 * ({@link DeploymentManifest}). It carries the deployment's ownership labels (an existing Secret of that name
 * without them is never touched) and a generation that counts its contents: new credentials make a new generation,
 * which goes on the pod template, so that they restart the pods as a new revision. The credentials themselves
 * are never printed nor written anywhere else.
 */
public final class KafkaCredentialsSecret {
    public static final String KEY = "KAFKA_SASL_JAAS_CONFIG";
    public static final String CREDENTIALS_LABEL = "io.datapipelines/kafka-credentials";
    /** On the Secret: the generation of its contents. On the pod template: which generation the pods read. */
    public static final String GENERATION = "io.datapipelines/kafka-credentials-generation";

    private final KubernetesClient client;
    private final Consumer<String> progress;

    public KafkaCredentialsSecret(KubernetesClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    /** The Secret's name: dotted, as the history's ConfigMaps, so it can never be another deployment's object. */
    public static String name(DeploymentId id) {
        return "datapipelines." + id.resourceName() + ".kafka-credentials";
    }

    /**
     * Creates the Secret, or updates it when the credentials changed (a resourceVersion-checked PUT).
     *
     * @return its generation: 1 when created, one more when the credentials changed, else unchanged
     */
    public int apply(DeploymentId id, KafkaCredentials credentials) {
        String name = name(id);
        Map<String, String> data = Map.of(KEY, Base64.getEncoder().encodeToString(credentials.jaasConfig().getBytes(StandardCharsets.UTF_8)));
        Secret live = ApiErrors.call("read Secret " + name, id.namespace(), () -> secret(id).get());
        if (live == null) {
            Secret created = secret(id, name, data, 1, null);
            ApiErrors.call("create Secret " + name, id.namespace(), () -> client.secrets().inNamespace(id.namespace()).resource(created).create());
            progress.accept("created Secret " + name + " (Kafka credentials of " + credentials.username() + ", generation 1)");
            return 1;
        }
        if (!ResourceApplier.isOurs(id, live)) {
            throw new KubernetesFailure("Secret " + name + " in namespace " + id.namespace() + " exists and does not belong to pipeline deployment "
                    + id.pipeline() + "/" + id.deployment() + " (it lacks the labels " + PipelineLabels.ownership(id) + "): not changing it");
        }
        int generation = generation(live);
        if (data.equals(live.getData())) {
            progress.accept("Secret " + name + " holds these Kafka credentials already (generation " + generation + ")");
            return generation;
        }
        Secret updated = secret(id, name, data, generation + 1, live.getMetadata().getResourceVersion());
        // Labels and annotations others put on it stay, as on every object we update (ResourceApplier).
        Map<String, String> labels = new LinkedHashMap<>(live.getMetadata().getLabels());
        labels.putAll(updated.getMetadata().getLabels());
        updated.getMetadata().setLabels(labels);
        Map<String, String> annotations = new LinkedHashMap<>(live.getMetadata().getAnnotations() == null ? Map.of() : live.getMetadata().getAnnotations());
        annotations.putAll(updated.getMetadata().getAnnotations());
        updated.getMetadata().setAnnotations(annotations);
        ApiErrors.call("update Secret " + name, id.namespace(), () -> client.secrets().inNamespace(id.namespace()).resource(updated).update());
        progress.accept("updated Secret " + name + " with new Kafka credentials of " + credentials.username() + " (generation "
                + (generation + 1) + ")");
        return generation + 1;
    }

    /** Deletes the Secret if it is ours; returns whether there was one. */
    public boolean delete(DeploymentId id) {
        String name = name(id);
        Secret live = ApiErrors.call("read Secret " + name, id.namespace(), () -> secret(id).get());
        if (live == null || !ResourceApplier.isOurs(id, live)) {
            return false;
        }
        ApiErrors.run("delete Secret " + name, id.namespace(), () -> secret(id).delete());
        progress.accept("deleted Secret " + name);
        return true;
    }

    private Resource<Secret> secret(DeploymentId id) {
        return client.secrets().inNamespace(id.namespace()).withName(name(id));
    }

    private static Secret secret(DeploymentId id, String name, Map<String, String> data, int generation, String resourceVersion) {
        Map<String, String> labels = new LinkedHashMap<>(PipelineLabels.ownership(id));
        labels.put(CREDENTIALS_LABEL, "true");
        return new SecretBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(id.namespace())
                    .withLabels(labels)
                    .withAnnotations(Map.of(GENERATION, String.valueOf(generation)))
                    .withResourceVersion(resourceVersion)
                .endMetadata()
                .withType("Opaque")
                .withData(data)
                .build();
    }

    private static int generation(Secret live) {
        Map<String, String> annotations = live.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(GENERATION);
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
