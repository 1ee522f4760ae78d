package io.datapipelines.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The numbered revisions of one pipeline deployment, kept in the cluster beside it (as Helm keeps its
 * releases): one ConfigMap per revision, {@code datapipelines.NAME.vN}, labelled with the deployment and
 * the number, holding the revision's record, the manifests it applied and its canonical definition (which a
 * shadow runs as the live revision, {@link ShadowDeployer}). The manifests hold no secret
 * (secrets are references to Kubernetes Secrets), which is why a ConfigMap does.
 */
public final class RevisionHistory {
    public static final String HISTORY_LABEL = "io.datapipelines/history";
    public static final String REVISION_LABEL = "io.datapipelines/revision";
    static final String RECORD_KEY = "revision.json";
    static final String MANIFESTS_KEY = "manifests.json";
    static final String DEFINITION_KEY = "definition.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final DeploymentId id;

    public RevisionHistory(KubernetesClient client, DeploymentId id) {
        this.client = client;
        this.id = id;
    }

    public String configMapName(int number) {
        return "datapipelines." + id.resourceName() + ".v" + number;
    }

    /** Every revision, oldest first. */
    public List<Revision> list() {
        List<Revision> revisions = new ArrayList<>();
        for (ConfigMap map : configMaps()) {
            revisions.add(read(map));
        }
        revisions.sort(Comparator.comparingInt(Revision::number));
        return revisions;
    }

    public Optional<StoredRevision> get(int number) {
        ConfigMap map = ApiErrors.call("read the history ConfigMap " + configMapName(number), id.namespace(),
                () -> client.configMaps().inNamespace(id.namespace()).withName(configMapName(number)).get());
        if (map == null || !ResourceApplier.isOurs(id, map)) {
            return Optional.empty();
        }
        String manifests = map.getData() == null ? null : map.getData().get(MANIFESTS_KEY);
        if (manifests == null) {
            throw new KubernetesFailure("history ConfigMap " + configMapName(number) + " in namespace " + id.namespace() + " has no " + MANIFESTS_KEY);
        }
        try {
            return Optional.of(new StoredRevision(read(map), PipelineManifests.fromJson(manifests), map.getData().get(DEFINITION_KEY)));
        } catch (IllegalArgumentException e) {
            throw new KubernetesFailure("history ConfigMap " + configMapName(number) + " in namespace " + id.namespace() + ": " + e.getMessage(), e);
        }
    }

    public Optional<Revision> latest() {
        List<Revision> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** @param definition the revision's canonical definition (JSON); null when not known */
    void record(Revision revision, PipelineManifests manifests, String definition) {
        Map<String, String> labels = PipelineLabels.ownership(id);
        labels.put(HISTORY_LABEL, "true");
        labels.put(REVISION_LABEL, String.valueOf(revision.number()));
        Map<String, String> data = new LinkedHashMap<>();
        data.put(RECORD_KEY, write(revision));
        data.put(MANIFESTS_KEY, manifests.toJson());
        if (definition != null) {
            data.put(DEFINITION_KEY, definition);
        }
        ConfigMap map = new ConfigMapBuilder()
                .withNewMetadata().withName(configMapName(revision.number())).withNamespace(id.namespace()).withLabels(labels).endMetadata()
                .withData(data)
                .build();
        ApiErrors.call("create the history ConfigMap " + map.getMetadata().getName(), id.namespace(),
                () -> client.configMaps().inNamespace(id.namespace()).resource(map).create());
    }

    void setStatus(int number, RevisionStatus status) {
        String name = configMapName(number);
        ApiErrors.call("update the history ConfigMap " + name, id.namespace(),
                () -> client.configMaps().inNamespace(id.namespace()).withName(name).edit(map -> {
                    Revision updated = read(map).withStatus(status);
                    Map<String, String> data = new LinkedHashMap<>(map.getData());
                    data.put(RECORD_KEY, write(updated));
                    map.setData(data);
                    return map;
                }));
    }

    /** Marks every revision but {@code current} that was live as superseded. */
    void supersedeAllBut(int current) {
        for (Revision revision : list()) {
            if (revision.number() != current && (revision.status() == RevisionStatus.DEPLOYED || revision.status() == RevisionStatus.APPLIED)) {
                setStatus(revision.number(), RevisionStatus.SUPERSEDED);
            }
        }
    }

    /** Deletes the oldest revisions beyond {@code keep}, never {@code live}. */
    void prune(int keep, int live) {
        List<Revision> all = list();
        for (int i = 0; i < all.size() - keep; i++) {
            int number = all.get(i).number();
            if (number != live) {
                ApiErrors.run("delete the history ConfigMap " + configMapName(number), id.namespace(),
                        () -> client.configMaps().inNamespace(id.namespace()).withName(configMapName(number)).delete());
            }
        }
    }

    /** Deletes the whole history; returns how many revisions it had. */
    int deleteAll() {
        List<ConfigMap> maps = configMaps();
        for (ConfigMap map : maps) {
            ApiErrors.run("delete the history ConfigMap " + map.getMetadata().getName(), id.namespace(),
                    () -> client.configMaps().inNamespace(id.namespace()).withName(map.getMetadata().getName()).delete());
        }
        return maps.size();
    }

    private List<ConfigMap> configMaps() {
        Map<String, String> selector = PipelineLabels.ownership(id);
        selector.put(HISTORY_LABEL, "true");
        return ApiErrors.call("list the revision history (ConfigMaps)", id.namespace(),
                () -> client.configMaps().inNamespace(id.namespace()).withLabels(selector).list().getItems());
    }

    private Revision read(ConfigMap map) {
        String text = map.getData() == null ? null : map.getData().get(RECORD_KEY);
        try {
            if (text == null) {
                throw new IllegalArgumentException("no " + RECORD_KEY);
            }
            JsonNode node = JSON.readTree(text);
            JsonNode replicas = node.path("replicas");
            return new Revision(
                    node.path("revision").asInt(),
                    node.path("image").asText(),
                    node.path("revisionHash").asText(),
                    new ReplicaRange(replicas.path("min").asInt(), replicas.path("max").asInt()),
                    Instant.parse(node.path("time").asText()),
                    node.hasNonNull("cause") ? node.get("cause").asText() : null,
                    node.hasNonNull("buildUrl") ? node.get("buildUrl").asText() : null,
                    RevisionStatus.of(node.path("status").asText()),
                    node.path("fingerprint").asText());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new KubernetesFailure("history ConfigMap " + map.getMetadata().getName() + " in namespace " + id.namespace()
                    + " is damaged (" + e.getMessage() + "); delete it to go on", e);
        }
    }

    private static String write(Revision revision) {
        ObjectNode node = JSON.createObjectNode();
        node.put("revision", revision.number());
        node.put("image", revision.image());
        node.put("revisionHash", revision.revisionHash());
        node.putObject("replicas").put("min", revision.replicas().min()).put("max", revision.replicas().max());
        node.put("time", revision.time().toString());
        node.put("cause", revision.cause());
        node.put("buildUrl", revision.buildUrl());
        node.put("status", revision.status().label());
        node.put("fingerprint", revision.fingerprint());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
