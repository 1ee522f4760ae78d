package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of each {@code datapipelines} command the step runs, following the CLI's documented contract
 * (docs/cli.md): every command is asked for {@code --output json}, so the step reads one JSON object on stdout
 * while progress goes to stderr, into the build log. Secrets are never arguments: they travel in the
 * environment ({@link CliEnvironment}).
 */
public final class CliCommands {
    private CliCommands() {
    }

    /** Validates and prints the pipeline name, revision hash and canonical definition. */
    public static List<String> validate(String definition) {
        return List.of("validate", "--output", "json", definition);
    }

    /** Runs the definition's tests, builds the image and pushes it by digest. */
    public static List<String> build(String definition, String imageRepository) {
        return List.of("build", definition, "--image", imageRepository, "--output", "json");
    }

    /**
     * Applies the deployment of an image, by digest.
     *
     * @param kubeconfig a file on the agent, or null for the CLI's own choice (the pod's service account when the
     *                   agent runs in the cluster, else the agent's KUBECONFIG or ~/.kube/config)
     */
    public static List<String> deploy(String definition, ImageReference image, String deployment, String namespace,
                                      @CheckForNull String kubeconfig, boolean waitForRollout, String timeout, boolean dryRun) {
        List<String> args = new ArrayList<>(List.of("deploy", definition, "--image", image.toString(),
                "--deployment", deployment, "--namespace", namespace));
        if (kubeconfig != null) {
            args.add("--kubeconfig");
            args.add(kubeconfig);
        }
        if (waitForRollout) {
            args.add("--wait");
            args.add("--timeout");
            args.add(timeout);
        }
        if (dryRun) {
            args.add("--dry-run");
        }
        args.add("--output");
        args.add("json");
        return List.copyOf(args);
    }
}
