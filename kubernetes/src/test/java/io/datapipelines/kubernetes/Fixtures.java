package io.datapipelines.kubernetes;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.PipelineDefinition;

import java.nio.file.Path;

/** Definitions and deployments the tests share. */
final class Fixtures {
    static final String DIGEST_A = "sha256:" + "a".repeat(64);
    static final String DIGEST_B = "sha256:" + "b".repeat(64);
    static final String DIGEST_C = "sha256:" + "c".repeat(64);
    static final String REPOSITORY = "registry.example.com/pipelines/orders-cleanup";

    private Fixtures() {
    }

    static PipelineDefinition definition(String yaml) {
        try {
            return new DefinitionParser().parse(yaml, "test.yaml", Path.of("."));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static PipelineDefinition example(String file) {
        try {
            return new DefinitionParser().parse(Path.of("../examples").resolve(file));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A small valid definition with the given spec.deployment block (YAML, indented under it). */
    static PipelineDefinition withDeployment(String deploymentYaml) {
        return definition("""
                apiVersion: datapipelines/v1
                kind: DataPipeline
                metadata:
                  name: orders
                  labels: {team: payments}
                spec:
                  source:
                    topics: [orders-web, orders-store]
                  sink:
                    topic: orders-clean
                  steps:
                    - kind: Field
                      fields:
                        status: {transform: {key: lowercase}}
                  deployment:
                """ + deploymentYaml.indent(4));
    }

    static DeploymentOptions options() {
        return DeploymentOptions.builder(KafkaAccess.of("kafka-0.kafka.svc:9092,kafka-1.kafka.svc:9092")).build();
    }

    static PipelineDeployment deployment(PipelineDefinition definition, String name, String digest) {
        return deployment(definition, name, digest, options());
    }

    static PipelineDeployment deployment(PipelineDefinition definition, String name, String digest, DeploymentOptions options) {
        ReplicaRange replicas = PartitionCap.apply(definition.spec().deployment(), null).replicas();
        return new PipelineDeployment(definition, name, "pipelines", ImageReference.parse(REPOSITORY + "@" + digest), replicas, options);
    }
}
