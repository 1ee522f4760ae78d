package io.datapipelines.cli;

import io.datapipelines.kubernetes.ApplyStamp;
import io.datapipelines.kubernetes.ClusterDns;
import io.datapipelines.kubernetes.DeployResult;
import io.datapipelines.kubernetes.DeploymentOptions;
import io.datapipelines.kubernetes.ImageReference;
import io.datapipelines.kubernetes.KafkaAccess;
import io.datapipelines.kubernetes.KafkaCredentials;
import io.datapipelines.kubernetes.KafkaEgress;
import io.datapipelines.kubernetes.MetricsIngress;
import io.datapipelines.kubernetes.NetworkPolicyManifest;
import io.datapipelines.kubernetes.PartitionCap;
import io.datapipelines.kubernetes.PipelineDeployer;
import io.datapipelines.kubernetes.PipelineDeployment;
import io.datapipelines.kubernetes.PipelineManifests;
import io.datapipelines.kubernetes.RolloutPolicy;
import io.datapipelines.kubernetes.ScratchStorage;
import io.datapipelines.kubernetes.SecretKeyReference;
import io.datapipelines.kubernetes.SecurityOptions;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.model.ShadowThresholds;
import io.datapipelines.runtime.app.KafkaSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/** {@code datapipelines deploy}: renders and applies a pipeline deployment, waits for its rollout, rolls back on failure. */
@Command(name = "deploy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Deploys a pipeline to Kubernetes as a numbered revision: a Deployment running",
                "the image (pinned by digest), its NetworkPolicy, PodDisruptionBudget and",
                "autoscaler (HPA, or KEDA on consumer lag). Updates in place with a rolling",
                "update; applying what already runs records no new revision. --wait waits for",
                "the rollout and, if it fails, says why and rolls back to the previous revision.",
                "--shadow first runs the new image as a shadow of the live revision and promotes",
                "it only if the shadow's differences are within spec.deployment.shadow.",
                "See docs/deployment.md and docs/shadow.md.",
                "Exit codes: 0 deployed (or unchanged, or applied without --wait), 1 rollout or",
                "cluster operation failed or the shadow aborted, 2 invalid definition, image or flags."})
final class DeployCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEFINITION", description = "The definition file (YAML or JSON).")
    Path definitionFile;

    @Option(names = "--image", required = true, paramLabel = "REF@sha256:DIGEST", description = "The pipeline image, pinned by digest.")
    String image;

    @Option(names = "--deployment", required = true, paramLabel = "NAME", description = "The deployment name (such as prod or canary).")
    String deployment;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
            description = "The Kafka brokers, as the pods reach them (default: $KAFKA_BOOTSTRAP_SERVERS; one of them is needed).")
    String bootstrapServers;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE", description = "A Kafka client property for the pods (not a secret), such as security.protocol=SASL_SSL.")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    @Option(names = "--kafka-secret-key", paramLabel = "PROPERTY=SECRET/KEY", description = "A Kafka client property taken from a key of a Secret, such as sasl.jaas.config=kafka-auth/jaas.")
    List<String> kafkaSecretKeys = new ArrayList<>();

    @Option(names = "--kafka-secret-env", paramLabel = "SECRET", description = "A Secret whose keys are KAFKA_* variables, all passed to the pods.")
    List<String> kafkaSecretEnvironments = new ArrayList<>();

    @ArgGroup(exclusive = false, heading = "Kafka login for the pods, kept in the deployment's own Secret (default: none):%n")
    KafkaLogin kafkaLogin = new KafkaLogin();

    @Option(names = "--kafka-cidr", paramLabel = "CIDR", description = "NetworkPolicy: the brokers' addresses (default: any address, Kafka ports only).")
    List<String> kafkaCidrs = new ArrayList<>();

    @Option(names = "--kafka-namespace", paramLabel = "NS", description = "NetworkPolicy: a namespace the brokers run in.")
    List<String> kafkaNamespaces = new ArrayList<>();

    @Option(names = "--kafka-pod-label", paramLabel = "KEY=VALUE", description = {"NetworkPolicy: a label of the broker pods (all must match);",
            "in the --kafka-namespace namespaces, else in the pipeline's own."})
    Map<String, String> kafkaPodLabels = new LinkedHashMap<>();

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "NetworkPolicy: the brokers' ports (default: those of --bootstrap-servers).")
    List<Integer> kafkaPorts = new ArrayList<>();

    @Option(names = "--dns-namespace", defaultValue = "kube-system", paramLabel = "NS",
            description = "NetworkPolicy: the namespace of the cluster DNS pods (default: ${DEFAULT-VALUE}).")
    String dnsNamespace;

    @Option(names = "--dns-pod-label", paramLabel = "KEY=VALUE", description = "NetworkPolicy: a label of the cluster DNS pods (default: k8s-app=kube-dns).")
    Map<String, String> dnsPodLabels = new LinkedHashMap<>();

    @Option(names = "--dns-cidr", paramLabel = "CIDR", description = "NetworkPolicy: a further DNS address, such as a node-local cache's 169.254.20.10/32.")
    List<String> dnsCidrs = new ArrayList<>();

    @Option(names = "--metrics-namespace", paramLabel = "NS", description = "NetworkPolicy: a namespace that may reach port 8080 (metrics) (default: any address).")
    List<String> metricsNamespaces = new ArrayList<>();

    @Option(names = "--state-size-limit", defaultValue = "1Gi", paramLabel = "SIZE",
            description = "sizeLimit of the state directory's emptyDir (default: ${DEFAULT-VALUE}).")
    String stateSizeLimit;

    @Option(names = "--tmp-size-limit", defaultValue = "256Mi", paramLabel = "SIZE", description = "sizeLimit of /tmp's emptyDir (default: ${DEFAULT-VALUE}).")
    String tmpSizeLimit;

    @Option(names = "--keda-authentication", paramLabel = "NAME", description = "The KEDA TriggerAuthentication the lag scaler uses to reach Kafka.")
    String kedaAuthentication;

    @Option(names = "--partitions", paramLabel = "N", description = "The source partition count for the replica cap (default: asked from Kafka).")
    Integer partitions;

    @Option(names = "--kafka-timeout", defaultValue = "10s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for Kafka when reading the partition count (default: ${DEFAULT-VALUE}).")
    Duration kafkaTimeout;

    @Option(names = "--no-network-policy", description = "Do not create a NetworkPolicy.")
    boolean noNetworkPolicy;

    @Option(names = "--no-user-namespace", description = "Do not set hostUsers: false (for clusters without user namespaces).")
    boolean noUserNamespace;

    @Option(names = "--run-as-user", defaultValue = "65532", paramLabel = "UID", description = "The image's non-root uid (default: ${DEFAULT-VALUE}).")
    long runAsUser;

    @Option(names = "--shutdown-timeout", defaultValue = "25s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The runtime's shutdown timeout; the pod's grace period is 10 s longer (default: ${DEFAULT-VALUE}).")
    Duration shutdownTimeout;

    @Option(names = "--progress-deadline", defaultValue = "5m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The Deployment's progressDeadlineSeconds (default: ${DEFAULT-VALUE}).")
    Duration progressDeadline;

    @Option(names = "--revision-history-limit", defaultValue = "10", paramLabel = "N", description = "ReplicaSets the Deployment keeps (default: ${DEFAULT-VALUE}).")
    int revisionHistoryLimit;

    @Mixin
    RolloutOptions rollout;

    @Option(names = "--shadow", description = {"First run the new image as a shadow of the live revision (its own consumer group, nothing",
            "written to the sink); promote if its differences are within spec.deployment.shadow, else",
            "abort leaving the live revision untouched (exit 1). The shadow is always removed. See docs/shadow.md."})
    boolean shadow;

    @Option(names = "--shadow-records", paramLabel = "N", description = "Records the shadow compares before the verdict (default: spec.deployment.shadow.records, else 10000).")
    Long shadowRecords;

    @Option(names = "--shadow-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Abort if the shadow has not compared them by then (default: spec.deployment.shadow.timeout, else 15m).")
    Duration shadowTimeout;

    @Option(names = "--shadow-max-changed-rate", paramLabel = "RATE", description = "Largest share (0..1) of changed records to promote (default: spec.deployment.shadow.maxChangedRate, else 0).")
    Double shadowMaxChangedRate;

    @Option(names = "--shadow-max-new-dead-letter-rate", paramLabel = "RATE",
            description = "Largest share (0..1) of new dead letters to promote (default: spec.deployment.shadow.maxNewDeadLetterRate, else 0.001).")
    Double shadowMaxNewDeadLetterRate;

    @Option(names = "--shadow-bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "The Kafka brokers as this machine reaches them, to read the shadow's summaries (default: --bootstrap-servers).")
    String shadowBootstrapServers;

    @Option(names = "--cause", paramLabel = "TEXT", description = "Why this is deployed (shown by 'history').")
    String cause;

    @Option(names = "--build-url", paramLabel = "URL", description = "The URL of the build that deploys it.")
    String buildUrl;

    @Option(names = "--dry-run", description = {"Print the manifests without contacting a cluster or Kafka: YAML, or with --output json",
            "the result object with status dry-run and the manifests as a Kubernetes List under \"manifests\"."})
    boolean dryRun;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PipelineDefinition definition = new DefinitionLoader().load(definitionFile, err);
        if (definition == null) {
            return ExitCodes.INVALID;
        }
        PipelineDeployment target;
        KafkaCredentials credentials;
        try {
            credentials = kafkaLogin.credentials(System.getenv());
            target = target(definition, credentials, err);
        } catch (IllegalArgumentException e) {
            err.println("datapipelines: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        // Said on every deploy (dry runs too): what the NetworkPolicy leaves open because no peer was named.
        NetworkPolicyManifest.openings(target.options()).forEach(opening -> err.println("warning: " + opening));
        ApplyStamp stamp = new ApplyStamp(0, cause, buildUrl);
        if (dryRun) {
            if (shadow) {
                err.println("warning: --dry-run prints the new revision's manifests; no shadow is run");
            }
            PipelineManifests manifests = PipelineManifests.render(target).stamped(stamp);
            out.print(output == OutputFormat.json ? DeploymentJson.dryRun(target, manifests) + "\n" : manifests.toYaml());
            out.flush();
            return ExitCodes.OK;
        }
        if (shadow) {
            ShadowThresholds thresholds;
            Properties kafka;
            try {
                thresholds = shadowThresholds(definition);
                kafka = KafkaClient.settings(shadowBootstrapServers != null ? shadowBootstrapServers : bootstrapServers, kafkaLogin,
                        System.getenv(), "--shadow").toProperties();
            } catch (IllegalArgumentException e) {
                err.println("datapipelines: " + e.getMessage());
                return ExitCodes.INVALID;
            }
            return KubernetesCalls.run(err, () -> {
                try (KubernetesClient client = cluster.connect()) {
                    return new ShadowedDeploy(client, kafka, output, out, err, Clock.systemUTC())
                            .run(target, credentials, stamp, rollout.policy(), thresholds);
                }
            });
        }
        return KubernetesCalls.run(err, () -> {
            try (KubernetesClient client = cluster.connect()) {
                DeployResult result = new PipelineDeployer(client, err::println).deploy(target, credentials, stamp, rollout.policy());
                return DeployReport.print(result, output, out, err);
            }
        });
    }

    /** spec.deployment.shadow (or its defaults), with each flag given instead of the definition's value. */
    private ShadowThresholds shadowThresholds(PipelineDefinition definition) {
        ShadowThresholds thresholds = definition.spec().deployment().shadowThresholds();
        if (shadowRecords != null) {
            if (shadowRecords < 1) {
                throw new IllegalArgumentException("--shadow-records must be at least 1, not " + shadowRecords);
            }
            thresholds = thresholds.withRecords(shadowRecords);
        }
        if (shadowTimeout != null) {
            if (shadowTimeout.isNegative() || shadowTimeout.isZero()) {
                throw new IllegalArgumentException("--shadow-timeout must be positive, not " + shadowTimeout);
            }
            thresholds = thresholds.withTimeout(shadowTimeout);
        }
        if (shadowMaxChangedRate != null) {
            thresholds = thresholds.withMaxChangedRate(rate("--shadow-max-changed-rate", shadowMaxChangedRate));
        }
        if (shadowMaxNewDeadLetterRate != null) {
            thresholds = thresholds.withMaxNewDeadLetterRate(rate("--shadow-max-new-dead-letter-rate", shadowMaxNewDeadLetterRate));
        }
        return thresholds;
    }

    private static double rate(String flag, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(flag + " must be a rate between 0 and 1 (such as 0.001), not " + value);
        }
        return value;
    }

    private PipelineDeployment target(PipelineDefinition definition, KafkaCredentials credentials, PrintWriter err) {
        ImageReference pinned = ImageReference.parse(image);
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("no Kafka bootstrap servers: give --bootstrap-servers HOST:PORT[,...] (or set KAFKA_BOOTSTRAP_SERVERS)");
        }
        List<SecretKeyReference> secretKeys = kafkaSecretKeys.stream().map(SecretKeyReference::parse).toList();
        KafkaAccess kafka = new KafkaAccess(bootstrapServers, kafkaProperties, secretKeys, kafkaSecretEnvironments);
        DeploymentOptions options = DeploymentOptions.builder(kafka)
                .egress(new KafkaEgress(kafkaCidrs, kafkaNamespaces, kafkaPodLabels, kafkaPorts))
                .dns(new ClusterDns(dnsNamespace, dnsPodLabels.isEmpty() ? ClusterDns.DEFAULT_POD_LABELS : dnsPodLabels, dnsCidrs))
                .metricsIngress(new MetricsIngress(metricsNamespaces))
                .storage(new ScratchStorage(stateSizeLimit, tmpSizeLimit))
                .security(new SecurityOptions(!noUserNamespace, !noNetworkPolicy, runAsUser))
                .kedaAuthentication(kedaAuthentication)
                .shutdownTimeout(shutdownTimeout)
                .progressDeadline(progressDeadline)
                .revisionHistoryLimit(revisionHistoryLimit)
                .kafkaSasl(credentials == null ? null : credentials.sasl())
                .build();
        PartitionCap.Result capped = PartitionCap.apply(definition.spec().deployment(), partitionCount(definition, kafka, credentials, err));
        capped.warning().ifPresent(warning -> err.println("warning: " + warning));
        return new PipelineDeployment(definition, deployment, cluster.namespace(), pinned, capped.replicas(), options);
    }

    /** --partitions, else Kafka's answer; a dry run never contacts Kafka. */
    private Integer partitionCount(PipelineDefinition definition, KafkaAccess kafka, KafkaCredentials credentials, PrintWriter err) {
        if (partitions != null) {
            if (partitions < 1) {
                throw new IllegalArgumentException("--partitions must be at least 1, not " + partitions);
            }
            return partitions;
        }
        if (dryRun || definition.spec().deployment().maxReplicas() == 1) {
            return null;
        }
        // This machine's KAFKA_* variables (credentials, say) plus the pods' plain properties.
        KafkaSettings settings = KafkaSettings.fromEnvironment(System.getenv()).with("bootstrap.servers", kafka.bootstrapServers());
        for (Map.Entry<String, String> e : kafka.properties().entrySet()) {
            settings = settings.with(e.getKey(), e.getValue());
        }
        if (credentials != null) { // the pods' login, to ask the same brokers
            settings = settings.with("security.protocol", credentials.sasl().securityProtocol())
                    .with("sasl.mechanism", credentials.sasl().mechanism().kafkaName())
                    .with("sasl.jaas.config", credentials.jaasConfig());
        }
        Properties props = settings.toProperties();
        SourcePartitions.Result result = SourcePartitions.lookUp(props, definition.spec().source().topics(), kafkaTimeout);
        if (result.partitions() == null) {
            err.println("warning: cannot read the partition count of " + String.join(", ", definition.spec().source().topics())
                    + " from Kafka at " + kafka.bootstrapServers() + " (" + result.problem() + "): max replicas not capped; give --partitions N");
        }
        return result.partitions();
    }
}
