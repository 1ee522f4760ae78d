package io.datapipelines.kubernetes;

/**
 * Which pipeline deployment: pipeline name, deployment name and namespace. Everything in the cluster that
 * belongs to it is found from this alone (object names and labels), so that history, rollback, status
 * and undeploy need no definition file.
 */
public record DeploymentId(String pipeline, String deployment, String namespace) {
    public DeploymentId {
        KubernetesNames.requireDnsLabel(pipeline, "pipeline name");
        KubernetesNames.requireDnsLabel(deployment, "deployment name");
        KubernetesNames.requireDnsLabel(namespace, "namespace");
    }

    /** The name of the Deployment and its companions: {@code PIPELINE-DEPLOYMENT}, hashed down to 63 characters if longer. */
    public String resourceName() {
        return KubernetesNames.joined(pipeline, deployment);
    }

    /**
     * The Kafka Streams application.id, which is also its consumer group (what KEDA watches). The runtime
     * computes the same in PipelineRunner.applicationId; the CLI's tests check that both agree.
     */
    public String consumerGroup() {
        return "datapipelines-" + pipeline + "-" + deployment;
    }

    @Override
    public String toString() {
        return pipeline + "/" + deployment + " in namespace " + namespace;
    }
}
