package io.datapipelines.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every object of one pipeline deployment, in the order they are applied: the NetworkPolicy and
 * PodDisruptionBudget first (so no pod runs unprotected), then the Deployment, then its autoscaler.
 * Immutable: {@link #stamped} gives a copy.
 */
public final class PipelineManifests {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final List<HasMetadata> objects;

    private PipelineManifests(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    public static PipelineManifests render(PipelineDeployment deployment) {
        List<HasMetadata> objects = new ArrayList<>();
        if (deployment.options().security().networkPolicy()) {
            objects.add(NetworkPolicyManifest.render(deployment));
        }
        DisruptionBudgetManifest.render(deployment).ifPresent(objects::add);
        objects.add(DeploymentManifest.render(deployment));
        AutoscalingManifest.render(deployment).ifPresent(objects::add);
        return new PipelineManifests(objects);
    }

    /** Copies of the objects (callers may change them freely). */
    public List<HasMetadata> objects() {
        return objects.stream().map(SERIALIZATION::clone).toList();
    }

    public Deployment deployment() {
        return objects.stream().filter(Deployment.class::isInstance).map(o -> (Deployment) SERIALIZATION.clone(o)).findFirst()
                .orElseThrow(() -> new IllegalStateException("manifests without a Deployment"));
    }

    /** With the per-apply annotations of {@code stamp} on the Deployment. */
    public PipelineManifests stamped(ApplyStamp stamp) {
        List<HasMetadata> copies = objects();
        for (HasMetadata object : copies) {
            if (object instanceof Deployment deployment) {
                Map<String, String> annotations = new LinkedHashMap<>(deployment.getMetadata().getAnnotations() == null
                        ? Map.of() : deployment.getMetadata().getAnnotations());
                stamp.writeTo(annotations);
                deployment.getMetadata().setAnnotations(annotations);
            }
        }
        return new PipelineManifests(copies);
    }

    /** The manifests as a multi-document YAML stream, as {@code kubectl apply -f} takes it. */
    public String toYaml() {
        StringBuilder yaml = new StringBuilder();
        for (HasMetadata object : objects) {
            String document = SERIALIZATION.asYaml(object);
            yaml.append(document.startsWith("---") ? document : "---\n" + document);
            if (!document.endsWith("\n")) {
                yaml.append('\n');
            }
        }
        return yaml.toString();
    }

    /** As a JSON {@code List}, which is how the revision history keeps them. */
    public String toJson() {
        KubernetesList list = new KubernetesListBuilder().withItems(objects).build();
        return SERIALIZATION.asJson(list);
    }

    /**
     * Reads manifests written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not such a list, or has no Deployment
     */
    public static PipelineManifests fromJson(String json) {
        Object parsed;
        try {
            parsed = SERIALIZATION.unmarshal(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable manifests: " + e.getMessage(), e);
        }
        if (!(parsed instanceof KubernetesList list)) {
            throw new IllegalArgumentException("unreadable manifests: not a List of objects");
        }
        List<HasMetadata> objects = new ArrayList<>(list.getItems());
        PipelineManifests manifests = new PipelineManifests(objects);
        manifests.deployment();
        return manifests;
    }

    /**
     * SHA-256 over what the manifests make the cluster do, leaving out per-apply annotations: two applies
     * with the same fingerprint change nothing, so the second one records no new revision.
     */
    public String fingerprint() {
        List<Object> canonical = new ArrayList<>();
        for (HasMetadata object : stamped(new ApplyStamp(0, null, null)).objects) {
            canonical.add(SERIALIZATION.convertValue(object, Map.class)); // written with keys sorted, at every level
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(SORTED.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint manifests", e);
        }
    }
}
