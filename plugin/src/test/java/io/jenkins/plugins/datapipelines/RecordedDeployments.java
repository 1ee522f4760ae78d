package io.jenkins.plugins.datapipelines;

import static io.jenkins.plugins.datapipelines.CliResults.CANONICAL;
import static io.jenkins.plugins.datapipelines.CliResults.REVISION;

/** Deployment records as builds keep them, for tests of what is made from them. */
final class RecordedDeployments {
    private RecordedDeployments() {
    }

    static DeploymentAction recorded(String namespace, String deployment, String definitionFile, char digit, int revision, boolean dryRun,
                                     Integer rollbackOf) {
        DeploymentRecord record = new DeploymentRecord("orders", deployment, namespace,
                new ImageReference("reg.example.com/orders", "sha256:" + String.valueOf(digit).repeat(64)), REVISION, revision,
                dryRun ? "dry-run" : "deployed", dryRun);
        DeployParameters settings = DeployParameters.builder().definition(definitionFile).deployment(deployment).namespace(namespace)
                .kafkaBootstrapServers("kafka-" + namespace + ":9092").kafkaCredentialsId("kafka-" + namespace).timeout("7m").dryRun(dryRun).build();
        return new DeploymentAction(record, definitionFile, CANONICAL, settings, rollbackOf);
    }

    static DeploymentAction recorded(String namespace, String deployment, String definitionFile, char digit, int revision) {
        return recorded(namespace, deployment, definitionFile, digit, revision, false, null);
    }
}
