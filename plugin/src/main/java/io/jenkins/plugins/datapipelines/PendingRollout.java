package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.Serializable;

/**
 * A rollout that has been asked of the cluster and not yet recorded: what was validated and built, and where it goes.
 * The step keeps it with its state, so that after a controller restart it can ask the cluster ({@code datapipelines
 * status}) whether the rollout landed, and record it as if it had waited ({@link DeploymentSequence#reattach}).
 *
 * @param definitionFile the definition file the record names
 * @param rollbackOf     the build a rollback deploys again, or null
 * @param settings       the effective settings the rollout was started with (null until the step adds them)
 */
public record PendingRollout(String pipeline, String revisionHash, String canonicalDefinition, String imageRepository, String imageDigest,
                             String deployment, String namespace, String definitionFile, @CheckForNull Integer rollbackOf,
                             @CheckForNull DeployParameters settings) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The same rollout, with the settings it was started with and, for a rollback, the build it deploys again. */
    PendingRollout with(DeployParameters settings, @CheckForNull Integer rollbackOf) {
        return new PendingRollout(pipeline, revisionHash, canonicalDefinition, imageRepository, imageDigest, deployment, namespace,
                definitionFile, rollbackOf, settings);
    }

    ValidationResult validation() {
        return new ValidationResult(pipeline, revisionHash, canonicalDefinition);
    }

    ImageBuildResult build() {
        return new ImageBuildResult(image(), revisionHash, pipeline);
    }

    ImageReference image() {
        return new ImageReference(imageRepository, imageDigest);
    }

    String target() {
        return namespace + "/" + deployment;
    }
}
