package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mock server runs no controllers, so this plays the Deployment controller: whenever a Deployment's
 * generation is new, it writes a status that completes the rollout, or (for images marked bad) one that
 * is past its progress deadline, with a crash-looping pod and a warning event, as a real cluster would show.
 */
final class FakeDeploymentController implements AutoCloseable {
    private final KubernetesClient client;
    private final String namespace;
    private final Set<String> badImages = ConcurrentHashMap.newKeySet();
    private final Set<String> silentImages = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;

    FakeDeploymentController(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
        this.thread = new Thread(this::loop, "fake-deployment-controller");
        thread.setDaemon(true);
        thread.start();
    }

    /** Rollouts to this image (a digest or a whole reference) never become available. */
    FakeDeploymentController failing(String image) {
        badImages.add(image);
        return this;
    }

    /** Rollouts to this image get no status at all (a controller that is down): only the timeout ends them. */
    FakeDeploymentController ignoring(String image) {
        silentImages.add(image);
        return this;
    }

    private void loop() {
        while (running) {
            try {
                for (Deployment d : client.apps().deployments().inNamespace(namespace).list().getItems()) {
                    long generation = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
                    if (d.getStatus() != null && d.getStatus().getObservedGeneration() != null && d.getStatus().getObservedGeneration() == generation) {
                        continue;
                    }
                    String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
                    if (matches(silentImages, image)) {
                        continue;
                    }
                    d.setStatus(matches(badImages, image) ? stuck(d, generation) : complete(d, generation));
                    client.apps().deployments().inNamespace(namespace).resource(d).updateStatus();
                }
                Thread.sleep(20);
            } catch (KubernetesClientException e) {
                // A conflict with the deployer's own update: try again on the next round.
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean matches(Set<String> images, String image) {
        return images.stream().anyMatch(image::endsWith);
    }

    private static io.fabric8.kubernetes.api.model.apps.DeploymentStatus complete(Deployment d, long generation) {
        int replicas = d.getSpec().getReplicas();
        return new DeploymentStatusBuilder().withObservedGeneration(generation)
                .withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
                .addNewCondition().withType("Available").withStatus("True").withReason("MinimumReplicasAvailable").endCondition()
                .addNewCondition().withType("Progressing").withStatus("True").withReason("NewReplicaSetAvailable")
                .withMessage("ReplicaSet has successfully progressed.").endCondition()
                .build();
    }

    private io.fabric8.kubernetes.api.model.apps.DeploymentStatus stuck(Deployment d, long generation) {
        String name = d.getMetadata().getName();
        String pod = name + "-7d9f8c6b5-x2x4q";
        if (client.pods().inNamespace(namespace).withName(pod).get() == null) {
            client.pods().inNamespace(namespace).resource(new PodBuilder()
                    .withNewMetadata().withName(pod).withLabels(d.getSpec().getSelector().getMatchLabels()).endMetadata()
                    .withNewStatus().withPhase("Running")
                        .addNewContainerStatus().withName("pipeline").withReady(false).withRestartCount(4)
                            .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                                .withMessage("back-off 1m20s restarting failed container").endWaiting().endState()
                            .withNewLastState().withNewTerminated().withExitCode(1).withReason("Error")
                                .withMessage("topic orders-web does not exist").endTerminated().endLastState()
                        .endContainerStatus()
                    .endStatus().build()).create();
            client.v1().events().inNamespace(namespace).resource(new EventBuilder()
                    .withNewMetadata().withName(pod + ".1").endMetadata()
                    .withType("Warning").withReason("BackOff").withMessage("Back-off restarting failed container pipeline")
                    .withNewInvolvedObject().withKind("Pod").withName(pod).withNamespace(namespace).endInvolvedObject()
                    .withLastTimestamp("2026-11-27T08:00:00Z")
                    .build()).create();
        }
        int replicas = d.getSpec().getReplicas();
        return new DeploymentStatusBuilder().withObservedGeneration(generation)
                .withReplicas(replicas + 1).withUpdatedReplicas(1).withReadyReplicas(replicas).withAvailableReplicas(replicas)
                .withUnavailableReplicas(1)
                .addNewCondition().withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded")
                .withMessage("ReplicaSet \"" + name + "-7d9f8c6b5\" has timed out progressing.").endCondition()
                .build();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
