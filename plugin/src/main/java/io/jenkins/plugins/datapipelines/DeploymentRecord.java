package io.jenkins.plugins.datapipelines;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one deployment did, put together from the three commands' results: the facts the build records, the
 * fingerprint is made of and the Jenkinsfile gets back.
 */
public record DeploymentRecord(
        String pipeline,
        String deployment,
        String namespace,
        ImageReference image,
        String revisionHash,
        int kubernetesRevision,
        String status,
        boolean dryRun) {

    /**
     * Joins the results, checking that they describe one and the same thing: the image built is the revision
     * validated, and the rollout deployed that image where it was asked to.
     */
    public static DeploymentRecord of(ValidationResult validation, ImageBuildResult build, RolloutResult rollout, boolean dryRun)
            throws DeploymentFailure {
        if (!build.revisionHash().equals(validation.revisionHash())) {
            throw new DeploymentFailure("the definition changed while the step ran: validated revision " + validation.revisionHash()
                    + ", built revision " + build.revisionHash());
        }
        // The deploy command may spell the repository differently (a registry's default host added, say); the
        // digest is what says which image runs.
        if (!rollout.image().endsWith("@" + build.image().digest())) {
            throw new DeploymentFailure("datapipelines deploy reported image " + rollout.image() + ", not the image built: " + build.image());
        }
        return new DeploymentRecord(validation.pipeline(), rollout.deployment(), rollout.namespace(), build.image(),
                validation.revisionHash(), rollout.revision(), rollout.status(), dryRun);
    }

    /**
     * The step's return value. Plain strings, numbers and booleans in a LinkedHashMap: safe in the Pipeline
     * sandbox and serializable with the program's state.
     */
    public Map<String, Object> toStepResult() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("pipeline", pipeline);
        result.put("deployment", deployment);
        result.put("namespace", namespace);
        result.put("image", image.toString());
        result.put("digest", image.digest());
        result.put("revisionHash", revisionHash);
        result.put("revision", kubernetesRevision);
        result.put("status", status);
        result.put("dryRun", dryRun);
        return result;
    }
}
