package io.datapipelines.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels of every object of a pipeline deployment: the definition's own labels, Kubernetes'
 * recommended {@code app.kubernetes.io/*} labels, and ours, which find the objects again.
 */
public final class PipelineLabels {
    public static final String PIPELINE = "io.datapipelines/pipeline";
    public static final String DEPLOYMENT = "io.datapipelines/deployment";
    public static final String REVISION_HASH = "io.datapipelines/revision-hash";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "datapipelines";
    /** The short revision hash (as 'validate' prints it): label values are limited to 63 characters. */
    static final int SHORT_HASH = 12;

    private PipelineLabels() {
    }

    /** What the Deployment selects its pods by: fixed for the deployment's life (a selector cannot change). */
    public static Map<String, String> selector(DeploymentId id) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PIPELINE, id.pipeline());
        labels.put(DEPLOYMENT, id.deployment());
        return labels;
    }

    /** What marks an object as ours: the selector plus managed-by (the history's ConfigMaps carry it too). */
    public static Map<String, String> ownership(DeploymentId id) {
        Map<String, String> labels = selector(id);
        labels.put(MANAGED_BY, MANAGER);
        return labels;
    }

    /** Every label of the objects and pods of a deployment. */
    public static Map<String, String> of(PipelineDeployment deployment) {
        DeploymentId id = deployment.id();
        String shortHash = deployment.revisionHash().substring(0, SHORT_HASH);
        Map<String, String> labels = new LinkedHashMap<>(new TreeMap<>(deployment.definition().metadata().labels()));
        labels.put("app.kubernetes.io/name", KubernetesNames.labelValue(id.pipeline()));
        labels.put("app.kubernetes.io/instance", KubernetesNames.labelValue(id.resourceName()));
        labels.put("app.kubernetes.io/version", shortHash);
        labels.put("app.kubernetes.io/component", "pipeline");
        labels.put("app.kubernetes.io/part-of", "datapipelines");
        labels.put(MANAGED_BY, MANAGER);
        labels.putAll(selector(id));
        labels.put(REVISION_HASH, shortHash);
        return labels;
    }
}
