package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.function.Consumer;

/**
 * Removes a pipeline deployment: its Deployment and companions, and (unless kept) its revision history and its Kafka
 * credentials Secret.
 */
public final class PipelineUndeployer {
    private final KubernetesClient client;
    private final Consumer<String> progress;

    public PipelineUndeployer(KubernetesClient client, Consumer<String> progress) {
        this.client = client;
        this.progress = progress;
    }

    /**
     * @return whether there was anything to remove
     */
    public boolean undeploy(DeploymentId id, boolean keepHistory) {
        boolean removed = new ResourceApplier(client, progress).deleteAll(id);
        if (!keepHistory) {
            // Kept with the history: the revisions a later rollback brings back refer to it.
            removed |= new KafkaCredentialsSecret(client, progress).delete(id);
            int revisions = new RevisionHistory(client, id).deleteAll();
            if (revisions > 0) {
                progress.accept("deleted the history (" + revisions + " revision(s))");
                removed = true;
            }
        }
        return removed;
    }
}
