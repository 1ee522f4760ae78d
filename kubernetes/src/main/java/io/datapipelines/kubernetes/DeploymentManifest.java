package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Deployment that runs a pipeline: the image by digest, the runtime's settings as environment
 * variables (docs/runtime.md), probes on its health endpoints, a rolling update that never takes a
 * replica away before its replacement is ready, and the restricted security settings.
 */
public final class DeploymentManifest {
    public static final String CONTAINER = "pipeline";
    public static final int HTTP_PORT = 8080;
    public static final String HTTP_PORT_NAME = "http";
    public static final String STATE_DIR = "/var/lib/datapipelines";
    public static final String TMP_DIR = "/tmp";

    private DeploymentManifest() {
    }

    public static Deployment render(PipelineDeployment deployment) {
        DeploymentId id = deployment.id();
        DeploymentOptions options = deployment.options();
        Map<String, String> labels = PipelineLabels.of(deployment);
        return new DeploymentBuilder()
                .withNewMetadata()
                    .withName(id.resourceName())
                    .withNamespace(id.namespace())
                    .withLabels(labels)
                    .withAnnotations(deploymentAnnotations(deployment))
                .endMetadata()
                .withNewSpec()
                    // The autoscaler owns the count once running; the applier keeps the live value (ResourceApplier).
                    .withReplicas(deployment.replicas().min())
                    .withNewSelector().withMatchLabels(PipelineLabels.selector(id)).endSelector()
                    .withRevisionHistoryLimit(options.revisionHistoryLimit())
                    .withProgressDeadlineSeconds((int) options.progressDeadline().toSeconds())
                    .withMinReadySeconds(0)
                    .withNewStrategy()
                        .withType("RollingUpdate")
                        // Never below the current capacity: a new pod must be ready before an old one stops.
                        .withNewRollingUpdate().withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1)).endRollingUpdate()
                    .endStrategy()
                    .withNewTemplate()
                        .withNewMetadata()
                            .withLabels(labels)
                            .withAnnotations(podAnnotations(deployment))
                        .endMetadata()
                        .withNewSpec()
                            .withAutomountServiceAccountToken(false)
                            // Service links would add KAFKA_PORT and the like for a Service named kafka.
                            .withEnableServiceLinks(false)
                            .withHostUsers(deployment.options().security().userNamespace() ? false : null)
                            .withTerminationGracePeriodSeconds(options.terminationGracePeriodSeconds())
                            .withSecurityContext(PodSecurity.pod(options.security()))
                            .withContainers(container(deployment))
                            .withVolumes(
                                    new VolumeBuilder().withName("state").withNewEmptyDir()
                                            .withSizeLimit(new Quantity(options.storage().stateSizeLimit())).endEmptyDir().build(),
                                    new VolumeBuilder().withName("tmp").withNewEmptyDir()
                                            .withSizeLimit(new Quantity(options.storage().tmpSizeLimit())).endEmptyDir().build())
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    private static Container container(PipelineDeployment deployment) {
        DeploymentOptions options = deployment.options();
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(deployment.image().pinned())
                .withImagePullPolicy("IfNotPresent") // a digest never changes what it names
                .withEnv(environment(deployment))
                .withEnvFrom(secretEnvironments(options.kafka()))
                .addNewPort().withName(HTTP_PORT_NAME).withContainerPort(HTTP_PORT).withProtocol("TCP").endPort()
                // The JVM and Kafka Streams take a while to start; liveness only counts once it has.
                .withStartupProbe(probe("/healthz", 2, 60))
                .withLivenessProbe(probe("/healthz", 10, 3))
                // Ready while processing (RUNNING); not while rebalancing, so a rollout waits for real capacity.
                .withReadinessProbe(probe("/readyz", 5, 3))
                .withNewResources()
                    .withRequests(quantities(deployment.definition().spec().deployment().requests()))
                    .withLimits(limits(deployment))
                .endResources()
                .withSecurityContext(PodSecurity.container(options.security()))
                .withVolumeMounts(
                        new VolumeMountBuilder().withName("state").withMountPath(STATE_DIR).build(),
                        new VolumeMountBuilder().withName("tmp").withMountPath(TMP_DIR).build())
                .build();
    }

    private static List<EnvVar> environment(PipelineDeployment deployment) {
        DeploymentOptions options = deployment.options();
        List<EnvVar> env = new ArrayList<>();
        env.add(plain("DATAPIPELINES_DEPLOYMENT", deployment.name()));
        env.add(plain("DATAPIPELINES_HTTP_PORT", String.valueOf(HTTP_PORT)));
        env.add(plain("DATAPIPELINES_STATE_DIR", STATE_DIR));
        env.add(plain("DATAPIPELINES_SHUTDOWN_TIMEOUT", options.shutdownTimeout().toString()));
        options.kafka().plainEnvironment().forEach((name, value) -> env.add(plain(name, value)));
        List<SecretKeyReference> secretKeys = new ArrayList<>(options.kafka().secretKeys());
        KafkaSasl sasl = options.kafkaSasl();
        if (sasl != null) {
            env.add(plain(KafkaAccess.environmentVariable("security.protocol"), sasl.securityProtocol()));
            env.add(plain(KafkaAccess.environmentVariable("sasl.mechanism"), sasl.mechanism().kafkaName()));
            secretKeys.add(new SecretKeyReference("sasl.jaas.config", KafkaCredentialsSecret.name(deployment.id()), KafkaCredentialsSecret.KEY));
        }
        for (SecretKeyReference ref : secretKeys) {
            env.add(new EnvVarBuilder().withName(ref.environmentVariable())
                    .withNewValueFrom().withNewSecretKeyRef().withName(ref.secret()).withKey(ref.key()).withOptional(false).endSecretKeyRef().endValueFrom()
                    .build());
        }
        return env;
    }

    private static List<EnvFromSource> secretEnvironments(KafkaAccess kafka) {
        List<EnvFromSource> sources = new ArrayList<>();
        for (String secret : kafka.secretEnvironments()) {
            sources.add(new EnvFromSourceBuilder().withNewSecretRef().withName(secret).withOptional(false).endSecretRef().build());
        }
        return sources;
    }

    private static EnvVar plain(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static Probe probe(String path, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(path).withPort(new IntOrString(HTTP_PORT_NAME)).endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withTimeoutSeconds(2)
                .withFailureThreshold(failureThreshold)
                .build();
    }

    /** The definition's limits, with an ephemeral-storage limit that bounds the emptyDirs and logs if it sets none. */
    private static Map<String, Quantity> limits(PipelineDeployment deployment) {
        Map<String, String> given = deployment.definition().spec().deployment().limits();
        Map<String, Quantity> limits = quantities(given);
        limits.put("ephemeral-storage", deployment.options().storage().containerLimit(given));
        return new LinkedHashMap<>(new TreeMap<>(limits));
    }

    private static Map<String, Quantity> quantities(Map<String, String> values) {
        Map<String, Quantity> result = new LinkedHashMap<>();
        new TreeMap<>(values).forEach((name, value) -> result.put(name, new Quantity(value)));
        return result;
    }

    private static Map<String, String> deploymentAnnotations(PipelineDeployment deployment) {
        // Why and when it is applied (revision, cause, build URL) is stamped on by ApplyStamp, per apply.
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(PipelineAnnotations.REVISION_HASH, deployment.revisionHash());
        annotations.put(PipelineAnnotations.MIN_REPLICAS, String.valueOf(deployment.replicas().min()));
        annotations.put(PipelineAnnotations.MAX_REPLICAS, String.valueOf(deployment.replicas().max()));
        return annotations;
    }

    private static Map<String, String> podAnnotations(PipelineDeployment deployment) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(PipelineAnnotations.REVISION_HASH, deployment.revisionHash());
        // The common scrape convention, for Prometheus set-ups that discover pods by annotation.
        annotations.put("prometheus.io/scrape", "true");
        annotations.put("prometheus.io/port", String.valueOf(HTTP_PORT));
        annotations.put("prometheus.io/path", "/metrics");
        KafkaSasl sasl = deployment.options().kafkaSasl();
        if (sasl != null && sasl.generation() != null) {
            // New credentials are a new generation of the Secret: a changed pod template, so the pods restart and read them.
            annotations.put(KafkaCredentialsSecret.GENERATION, String.valueOf(sasl.generation()));
        }
        return annotations;
    }
}
