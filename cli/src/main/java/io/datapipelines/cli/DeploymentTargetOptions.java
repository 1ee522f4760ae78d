package io.datapipelines.cli;

import io.datapipelines.kubernetes.DeploymentId;
import io.datapipelines.model.PipelineDefinition;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which pipeline deployment the history, rollback, status and undeploy commands are about. */
final class DeploymentTargetOptions {
    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name (metadata.name), or its definition file.")
    String pipeline;

    @Option(names = "--deployment", required = true, paramLabel = "NAME", description = "The deployment name (such as prod).")
    String deployment;

    /** @return the deployment, or null after printing why the input is unusable */
    DeploymentId resolve(String namespace, PrintWriter err) {
        String name = pipeline;
        if (looksLikeAFile(pipeline)) {
            PipelineDefinition definition = new DefinitionLoader().load(Path.of(pipeline), err);
            if (definition == null) {
                return null;
            }
            name = definition.name();
        }
        try {
            return new DeploymentId(name, deployment, namespace);
        } catch (IllegalArgumentException e) {
            err.println("datapipelines: " + e.getMessage());
            return null;
        }
    }

    private static boolean looksLikeAFile(String text) {
        return text.endsWith(".yaml") || text.endsWith(".yml") || text.endsWith(".json") || text.contains("/") || Files.isRegularFile(Path.of(text));
    }
}
