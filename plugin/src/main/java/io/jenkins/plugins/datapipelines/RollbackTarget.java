package io.jenkins.plugins.datapipelines;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Which recorded deployment of an earlier build a rollback redeploys, for one deployment call of the rollback build
 * (the Data Pipeline job's builder, or one {@code dataPipelineDeploy} of a Pipeline, which may deploy several).
 *
 * <p>Of the earlier build's real deployments (dry runs deployed nothing), the one made from the same definition file
 * (and to the same deployment name, when the call names one); among several, the one in the same namespace. When
 * nothing matches but the earlier build made a single deployment, that one: a job whose definition file was renamed
 * since still rolls back.
 */
public final class RollbackTarget {
    private RollbackTarget() {
    }

    /**
     * @param buildNumber the build rolled back to
     * @param recorded    its recorded deployments, in the order made
     * @param current     the settings of the deployment call that honours the rollback
     * @throws DeploymentFailure saying what the build deployed and why none of it fits
     */
    public static DeploymentAction choose(int buildNumber, List<DeploymentAction> recorded, DeploySettings current) throws DeploymentFailure {
        List<DeploymentAction> deployed = recorded.stream().filter(a -> !a.isDryRun() && !a.isShadowAborted()).toList();
        if (deployed.isEmpty()) {
            throw new DeploymentFailure("build #" + buildNumber + " deployed nothing to roll back to"
                    + (recorded.isEmpty() ? "" : " (only dry runs)"));
        }
        List<DeploymentAction> matching = deployed.stream()
                .filter(a -> a.getDefinitionFile().equals(current.definition()))
                .filter(a -> current.deployment() == null || a.getDeployment().equals(current.deployment()))
                .toList();
        if (matching.size() > 1) {
            matching = matching.stream().filter(a -> a.getNamespace().equals(current.namespace())).toList();
        }
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (matching.isEmpty() && deployed.size() == 1) {
            return deployed.get(0);
        }
        String made = deployed.stream().map(a -> a.getNamespace() + "/" + a.getDeployment() + " from " + a.getDefinitionFile())
                .collect(Collectors.joining(", "));
        throw new DeploymentFailure("build #" + buildNumber + " deployed " + made + ": " + (matching.isEmpty() ? "none" : "more than one")
                + " of them is this deployment's (definition " + current.definition()
                + (current.deployment() == null ? "" : ", deployment " + current.deployment()) + ", namespace " + current.namespace()
                + "); name the deployment in the step to choose");
    }

    /**
     * The settings a rollback redeploys with: those recorded with the deployment (the namespace and deployment name
     * it went to, how it reached Kafka and the cluster), never a dry run and never through a shadow (the recorded
     * revision is restored at once); for an older record without them, the current call's settings aimed at the
     * recorded namespace and deployment. Every other setting is carried over as it is ({@link DeployParameters#toBuilder()}).
     */
    public static DeploySettings settingsFor(DeploymentAction recorded, DeploySettings current, DeployDefaults defaults) throws DeploymentFailure {
        DeployParameters base = recorded.getSettings() != null ? recorded.getSettings() : DeployParameters.of(current);
        DeployParameters aimed = base.toBuilder().deployment(recorded.getDeployment()).namespace(recorded.getNamespace())
                .image(recorded.toRecord().image().repository()).dryRun(false).shadow(ShadowSettings.NONE).build();
        return DeploySettings.resolve(aimed, defaults);
    }
}
