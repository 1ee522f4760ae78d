package io.datapipelines.cli;

import io.datapipelines.kubernetes.KubernetesNames;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which cluster and namespace, shared by the Kubernetes commands: a kubeconfig file (and context), the
 * pod's service account (--in-cluster, for a deployer running in the cluster), or by default what kubectl
 * would use ($KUBECONFIG, ~/.kube/config, else the service account).
 */
final class ClusterOptions {
    @Option(names = {"-n", "--namespace"}, required = true, paramLabel = "NS", description = "The namespace.")
    String namespace;

    static final class Source {
        @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The kubeconfig to use (default: $KUBECONFIG, ~/.kube/config, else in-cluster).")
        Path kubeconfig;

        @Option(names = "--in-cluster", description = "Use the service account of the pod this runs in.")
        boolean inCluster;
    }

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context (default: its current context).")
    String context;

    String namespace() {
        return KubernetesNames.requireDnsLabel(namespace, "namespace");
    }

    /**
     * @throws IllegalArgumentException for an unreadable kubeconfig (so the command exits 2)
     */
    KubernetesClient connect() {
        Config config;
        if (source.kubeconfig != null) {
            if (!Files.isRegularFile(source.kubeconfig)) {
                throw new IllegalArgumentException(source.kubeconfig + ": no such kubeconfig file");
            }
            try {
                config = Config.fromKubeconfig(context, source.kubeconfig.toFile());
            } catch (RuntimeException e) {
                // YAML errors span several lines with a caret under the spot: one line is enough here.
                String reason = String.valueOf(e.getMessage()).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("^"))
                        .collect(java.util.stream.Collectors.joining(" "));
                throw new IllegalArgumentException(source.kubeconfig + ": not a usable kubeconfig: " + reason, e);
            }
        } else if (source.inCluster) {
            if (System.getenv("KUBERNETES_SERVICE_HOST") == null) {
                throw new IllegalArgumentException("--in-cluster: not running in a Kubernetes pod (KUBERNETES_SERVICE_HOST is not set)");
            }
            String before = System.getProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY);
            System.setProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false");
            try {
                config = Config.autoConfigure(null);
            } finally {
                if (before == null) {
                    System.clearProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY);
                } else {
                    System.setProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, before);
                }
            }
        } else {
            config = Config.autoConfigure(context);
        }
        // A few quick retries, not the client's default ten with growing back-off: an unreachable API should say so in seconds.
        config.setRequestRetryBackoffLimit(3);
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
