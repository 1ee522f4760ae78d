package io.datapipelines.kubernetes;

import io.datapipelines.model.PipelineDefinition;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rendered manifests, field by field, without a cluster. */
class ManifestsTest {
    private static final PipelineDefinition AUTOSCALED = Fixtures.withDeployment("""
            replicas: {min: 2, max: 6}
            autoscaling: {cpuUtilization: 65}
            resources:
              requests: {cpu: 500m, memory: 384Mi}
              limits: {memory: 1Gi}
            """);

    private static Deployment deployment(PipelineDeployment d) {
        return PipelineManifests.render(d).deployment();
    }

    @Test
    void deploymentRunsTheImageByDigestWithTheRuntimeSettings() {
        PipelineDeployment d = Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A);
        Deployment deployment = deployment(d);
        assertThat(deployment.getMetadata().getName()).isEqualTo("orders-prod");
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("pipelines");
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        assertThat(container.getImage()).isEqualTo(Fixtures.REPOSITORY + "@" + Fixtures.DIGEST_A);
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(env(container)).containsExactly(
                Map.entry("DATAPIPELINES_DEPLOYMENT", "prod"),
                Map.entry("DATAPIPELINES_HTTP_PORT", "8080"),
                Map.entry("DATAPIPELINES_STATE_DIR", "/var/lib/datapipelines"),
                Map.entry("DATAPIPELINES_SHUTDOWN_TIMEOUT", "PT25S"),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", "kafka-0.kafka.svc:9092,kafka-1.kafka.svc:9092"));
        assertThat(container.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getContainerPort()).isEqualTo(8080);
            assertThat(p.getName()).isEqualTo("http");
        });
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getResources().getRequests()).containsExactly(
                Map.entry("cpu", new Quantity("500m")), Map.entry("memory", new Quantity("384Mi")));
        assertThat(container.getResources().getLimits()).containsExactly(
                Map.entry("ephemeral-storage", new Quantity("1536Mi")), Map.entry("memory", new Quantity("1Gi")));
    }

    @Test
    void deploymentRollsOutWithoutLosingCapacity() {
        Deployment deployment = deployment(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A));
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
        assertThat(deployment.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
        assertThat(deployment.getSpec().getProgressDeadlineSeconds()).isEqualTo(300);
        // The runtime stops within its shutdown timeout (25 s): Kubernetes must not kill it before.
        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(35L);
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsExactly(
                Map.entry("io.datapipelines/pipeline", "orders"), Map.entry("io.datapipelines/deployment", "prod"));
    }

    @Test
    void everyObjectCarriesTheRecommendedAndOurLabels() {
        PipelineDeployment d = Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A);
        String hash = d.revisionHash();
        for (HasMetadata object : PipelineManifests.render(d).objects()) {
            assertThat(object.getMetadata().getLabels()).as(object.getKind()).contains(
                    Map.entry("app.kubernetes.io/name", "orders"),
                    Map.entry("app.kubernetes.io/instance", "orders-prod"),
                    Map.entry("app.kubernetes.io/version", hash.substring(0, 12)),
                    Map.entry("app.kubernetes.io/component", "pipeline"),
                    Map.entry("app.kubernetes.io/part-of", "datapipelines"),
                    Map.entry("app.kubernetes.io/managed-by", "datapipelines"),
                    Map.entry("io.datapipelines/pipeline", "orders"),
                    Map.entry("io.datapipelines/deployment", "prod"),
                    Map.entry("io.datapipelines/revision-hash", hash.substring(0, 12)),
                    Map.entry("team", "payments"));
        }
        Deployment deployment = deployment(d);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(deployment.getMetadata().getLabels());
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry("io.datapipelines/revision-hash", hash);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("io.datapipelines/revision-hash", hash)
                .containsEntry("prometheus.io/port", "8080").containsEntry("prometheus.io/path", "/metrics");
    }

    @Test
    void stampAnnotatesTheDeploymentOnlyNeverThePodTemplate() {
        PipelineManifests manifests = PipelineManifests.render(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A))
                .stamped(new ApplyStamp(7, "fix the EU filter", "https://ci.example.com/job/orders/42/"));
        Deployment deployment = manifests.deployment();
        assertThat(deployment.getMetadata().getAnnotations())
                .containsEntry("io.datapipelines/revision", "7")
                .containsEntry("io.datapipelines/cause", "fix the EU filter")
                .containsEntry("kubernetes.io/change-cause", "fix the EU filter")
                .containsEntry("io.datapipelines/build-url", "https://ci.example.com/job/orders/42/");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).doesNotContainKeys(
                "io.datapipelines/revision", "io.datapipelines/cause", "io.datapipelines/build-url", "kubernetes.io/change-cause");
        assertThat(manifests.fingerprint()).isEqualTo(PipelineManifests.render(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A)).fingerprint());
    }

    @Test
    void podMeetsEveryRuleOfTheRestrictedPodSecurityStandard() {
        PodSpec pod = deployment(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A)).getSpec().getTemplate().getSpec();
        // Baseline: no host namespaces, ports or paths, no privileged containers, only allowed volume types.
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostIPC()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getVolumes()).allSatisfy(v -> {
            assertThat(v.getEmptyDir()).isNotNull();
            assertThat(v.getHostPath()).isNull();
        });
        assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("state", "tmp");
        // Restricted, pod level.
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(65532L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        // Beyond it: no API token, a user namespace of its own, no service-link variables.
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getHostUsers()).isFalse();
        assertThat(pod.getEnableServiceLinks()).isFalse();
        Container container = pod.getContainers().get(0);
        assertThat(container.getPorts()).allSatisfy(p -> assertThat(p.getHostPort()).isNull());
        var sc = container.getSecurityContext();
        assertThat(sc.getPrivileged()).isFalse();
        assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
        assertThat(sc.getRunAsNonRoot()).isTrue();
        assertThat(sc.getRunAsUser()).isEqualTo(65532L);
        assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(sc.getCapabilities().getAdd()).isEmpty();
        assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
        // The only writable places are the two emptyDirs: the runtime's state directory and /tmp.
        assertThat(container.getVolumeMounts()).extracting(m -> m.getMountPath()).containsExactly("/var/lib/datapipelines", "/tmp");
        assertThat(container.getVolumeMounts()).allSatisfy(m -> assertThat(m.getReadOnly()).isNotEqualTo(Boolean.TRUE));
        assertThat(env(container)).containsEntry("DATAPIPELINES_STATE_DIR", "/var/lib/datapipelines");
    }

    @Test
    void userNamespaceAndNetworkPolicyCanBeTurnedOff() {
        DeploymentOptions relaxed = DeploymentOptions.builder(KafkaAccess.of("kafka:9092"))
                .security(new SecurityOptions(false, false, 1001)).build();
        PipelineManifests manifests = PipelineManifests.render(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A, relaxed));
        PodSpec pod = manifests.deployment().getSpec().getTemplate().getSpec();
        assertThat(pod.getHostUsers()).isNull();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(1001L);
        assertThat(manifests.objects()).noneMatch(NetworkPolicy.class::isInstance);
        assertThat(pod.getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThatThrownBy(() -> new SecurityOptions(true, true, 0)).hasMessageContaining("non-root");
    }

    @Test
    void kafkaSecretsAreReferencedFromSecretsNeverInlined() {
        KafkaAccess kafka = new KafkaAccess("kafka:9093", Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"),
                List.of(SecretKeyReference.parse("sasl.jaas.config=kafka-auth/jaas")), List.of("kafka-extra"));
        Deployment deployment = deployment(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A, DeploymentOptions.builder(kafka).build()));
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(container)).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL").containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        EnvVar jaas = container.getEnv().stream().filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG")).findFirst().orElseThrow();
        assertThat(jaas.getValue()).isNull();
        assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo("kafka-auth");
        assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("jaas");
        assertThat(container.getEnvFrom()).singleElement().satisfies(e -> assertThat(e.getSecretRef().getName()).isEqualTo("kafka-extra"));

        assertThatThrownBy(() -> new KafkaAccess("kafka:9093", Map.of("sasl.jaas.config", "org.apache...required password=\"x\";"), List.of(), List.of()))
                .hasMessageContaining("'sasl.jaas.config' holds a secret").hasMessageNotContaining("password=");
        assertThatThrownBy(() -> new KafkaAccess("kafka:9093", Map.of("ssl.key.password", "x"), List.of(), List.of()))
                .hasMessageContaining("holds a secret");
        assertThatThrownBy(() -> SecretKeyReference.parse("sasl.jaas.config=kafka-auth")).hasMessageContaining("PROPERTY=SECRET/KEY");
        assertThatThrownBy(() -> KafkaAccess.of("kafka")).hasMessageContaining("'kafka' is not HOST:PORT");
    }

    @Test
    void networkPolicyAllowsOnlyClusterDnsKafkaAndTheMetricsPort() {
        DeploymentOptions defaults = Fixtures.options();
        NetworkPolicy policy = only(NetworkPolicy.class, PipelineManifests.render(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A)));
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsExactly(
                Map.entry("io.datapipelines/pipeline", "orders"), Map.entry("io.datapipelines/deployment", "prod"));
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).isEmpty();
            assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8080));
        });
        assertThat(policy.getSpec().getEgress()).hasSize(2);
        // DNS: only the cluster DNS pods, by default k8s-app=kube-dns in kube-system (one peer: both selectors at once).
        var dns = policy.getSpec().getEgress().get(0);
        assertThat(dns.getPorts()).extracting(p -> p.getPort().getIntVal() + "/" + p.getProtocol()).containsExactly("53/UDP", "53/TCP");
        assertThat(dns.getTo()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels()).containsExactly(Map.entry("kubernetes.io/metadata.name", "kube-system"));
            assertThat(peer.getPodSelector().getMatchLabels()).containsExactly(Map.entry("k8s-app", "kube-dns"));
            assertThat(peer.getIpBlock()).isNull();
        });
        assertThat(policy.getSpec().getEgress().get(1).getTo()).isEmpty();
        assertThat(policy.getSpec().getEgress().get(1).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(9092);
        // What stays open is said, so the deploy output can print it.
        assertThat(NetworkPolicyManifest.openings(defaults)).hasSize(2)
                .anySatisfy(o -> assertThat(o).contains("Kafka egress is open to any address on the Kafka ports"))
                .anySatisfy(o -> assertThat(o).contains("metrics port 8080 is open to any address"));

        DeploymentOptions pinned = DeploymentOptions.builder(KafkaAccess.of("b1.kafka.example.com:9094,b2.kafka.example.com:9094"))
                .egress(new KafkaEgress(List.of("10.20.0.0/16", "fd00::/8"), List.of("kafka"), List.of(9094, 9095)))
                .dns(new ClusterDns("dns", Map.of("app.kubernetes.io/name", "coredns"), List.of("169.254.20.10/32")))
                .metricsIngress(new MetricsIngress(List.of("monitoring", "observability")))
                .build();
        NetworkPolicy restricted = only(NetworkPolicy.class, PipelineManifests.render(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A, pinned)));
        var kafka = restricted.getSpec().getEgress().get(1);
        assertThat(kafka.getTo()).hasSize(3);
        assertThat(kafka.getTo().get(0).getIpBlock().getCidr()).isEqualTo("10.20.0.0/16");
        assertThat(kafka.getTo().get(1).getIpBlock().getCidr()).isEqualTo("fd00::/8");
        assertThat(kafka.getTo().get(2).getNamespaceSelector().getMatchLabels()).containsExactly(Map.entry("kubernetes.io/metadata.name", "kafka"));
        assertThat(kafka.getTo().get(2).getPodSelector()).isNull();
        assertThat(kafka.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(9094, 9095);
        var customDns = restricted.getSpec().getEgress().get(0).getTo();
        assertThat(customDns).hasSize(2);
        assertThat(customDns.get(0).getNamespaceSelector().getMatchLabels()).containsExactly(Map.entry("kubernetes.io/metadata.name", "dns"));
        assertThat(customDns.get(0).getPodSelector().getMatchLabels()).containsExactly(Map.entry("app.kubernetes.io/name", "coredns"));
        assertThat(customDns.get(1).getIpBlock().getCidr()).isEqualTo("169.254.20.10/32");
        assertThat(restricted.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).extracting(peer -> peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                    .containsExactly("monitoring", "observability");
            assertThat(rule.getFrom()).allSatisfy(peer -> assertThat(peer.getPodSelector()).isNull());
            assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8080));
        });
        assertThat(NetworkPolicyManifest.openings(pinned)).isEmpty();
        assertThat(NetworkPolicyManifest.openings(DeploymentOptions.builder(KafkaAccess.of("kafka:9092"))
                .security(new SecurityOptions(true, false, 65532)).build())).singleElement().asString().contains("no NetworkPolicy");

        assertThatThrownBy(() -> new KafkaEgress(List.of("10.20.0.0"), List.of(), List.of())).hasMessageContaining("'10.20.0.0' is not a CIDR");
        assertThatThrownBy(() -> new ClusterDns("kube-system", Map.of(), List.of())).hasMessageContaining("at least one label");
        assertThatThrownBy(() -> new ClusterDns("Kube System", ClusterDns.DEFAULT_POD_LABELS, List.of())).hasMessageContaining("DNS namespace 'Kube System'");
        assertThatThrownBy(() -> new ClusterDns("kube-system", Map.of("k8s-app", "kube dns"), List.of())).hasMessageContaining("'k8s-app=kube dns'");
        assertThatThrownBy(() -> new MetricsIngress(List.of("-monitoring"))).hasMessageContaining("metrics namespace '-monitoring'");
    }

    @Test
    void kafkaBrokersCanBeSelectedByPodLabels() {
        DeploymentOptions inNamespace = DeploymentOptions.builder(KafkaAccess.of("kafka:9092"))
                .egress(new KafkaEgress(List.of(), List.of("kafka", "kafka-dr"), Map.of("strimzi.io/kind", "Kafka"), List.of())).build();
        var peers = only(NetworkPolicy.class, PipelineManifests.render(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A, inNamespace)))
                .getSpec().getEgress().get(1).getTo();
        // Namespaces with pod labels: those pods in those namespaces, each peer carrying both selectors.
        assertThat(peers).hasSize(2).allSatisfy(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                .containsExactly(Map.entry("strimzi.io/kind", "Kafka")));
        assertThat(peers).extracting(peer -> peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                .containsExactly("kafka", "kafka-dr");

        DeploymentOptions sameNamespace = DeploymentOptions.builder(KafkaAccess.of("kafka:9092"))
                .egress(new KafkaEgress(List.of(), List.of(), Map.of("app", "kafka"), List.of())).build();
        var local = only(NetworkPolicy.class, PipelineManifests.render(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A, sameNamespace)))
                .getSpec().getEgress().get(1).getTo();
        // Pod labels alone: those pods in the pipeline's own namespace.
        assertThat(local).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector()).isNull();
            assertThat(peer.getPodSelector().getMatchLabels()).containsExactly(Map.entry("app", "kafka"));
        });
        assertThat(NetworkPolicyManifest.openings(sameNamespace)).noneMatch(o -> o.contains("Kafka"));
        assertThatThrownBy(() -> new KafkaEgress(List.of(), List.of(), Map.of("bad key!", "x"), List.of()))
                .hasMessageContaining("Kafka pod label key 'bad key!'");
    }

    @Test
    void scratchVolumesAndTheContainerHaveDiskLimits() {
        PodSpec pod = deployment(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A)).getSpec().getTemplate().getSpec();
        assertThat(pod.getVolumes()).extracting(v -> v.getName() + "=" + v.getEmptyDir().getSizeLimit()).containsExactly("state=1Gi", "tmp=256Mi");
        assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getEmptyDir().getMedium()).isNull()); // disk, not memory
        // Both volumes plus room for the logs; the definition's memory limit is kept.
        assertThat(pod.getContainers().get(0).getResources().getLimits())
                .containsExactly(Map.entry("ephemeral-storage", new Quantity("1536Mi")), Map.entry("memory", new Quantity("1Gi")));

        DeploymentOptions larger = DeploymentOptions.builder(KafkaAccess.of("kafka:9092")).storage(new ScratchStorage("10Gi", "500M")).build();
        PodSpec big = deployment(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A, larger)).getSpec().getTemplate().getSpec();
        assertThat(big.getVolumes()).extracting(v -> v.getEmptyDir().getSizeLimit().toString()).containsExactly("10Gi", "500M");
        // 10 GiB + 500 MB (476.84 MiB, rounded up) + 256 MiB.
        assertThat(big.getContainers().get(0).getResources().getLimits().get("ephemeral-storage")).isEqualTo(new Quantity("10973Mi"));

        PipelineDefinition ownLimit = Fixtures.withDeployment("""
                resources:
                  limits: {memory: 1Gi, ephemeral-storage: 4Gi}
                """);
        assertThat(deployment(Fixtures.deployment(ownLimit, "prod", Fixtures.DIGEST_A)).getSpec().getTemplate().getSpec().getContainers().get(0)
                .getResources().getLimits().get("ephemeral-storage")).isEqualTo(new Quantity("4Gi"));

        assertThatThrownBy(() -> new ScratchStorage("lots", "256Mi")).hasMessageContaining("state volume size limit 'lots' is not a positive size");
        assertThatThrownBy(() -> new ScratchStorage("1Gi", "0")).hasMessageContaining("tmp volume size limit '0'");
        assertThatThrownBy(() -> new ScratchStorage("1Gi", "100m")).hasMessageContaining("tmp volume size limit '100m'");
    }

    @Test
    void cpuAutoscalingIsAnHpaV2() {
        PipelineManifests manifests = PipelineManifests.render(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A));
        HorizontalPodAutoscaler hpa = only(HorizontalPodAutoscaler.class, manifests);
        assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("orders-prod");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(m -> {
            assertThat(m.getResource().getName()).isEqualTo("cpu");
            assertThat(m.getResource().getTarget().getType()).isEqualTo("Utilization");
            assertThat(m.getResource().getTarget().getAverageUtilization()).isEqualTo(65);
        });
        assertThat(manifests.objects()).noneMatch(GenericKubernetesResource.class::isInstance);
    }

    @Test
    void lagAutoscalingIsAKedaScaledObjectOnTheConsumerGroup() {
        PipelineDefinition lag = Fixtures.withDeployment("replicas: {min: 1, max: 8}\nautoscaling: {lagThreshold: 5000}");
        DeploymentOptions options = DeploymentOptions.builder(KafkaAccess.of("kafka:9092")).kedaAuthentication("kafka-trigger-auth").build();
        PipelineManifests manifests = PipelineManifests.render(Fixtures.deployment(lag, "canary", Fixtures.DIGEST_A, options));
        GenericKubernetesResource scaled = only(GenericKubernetesResource.class, manifests);
        assertThat(scaled.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
        assertThat(scaled.getKind()).isEqualTo("ScaledObject");
        assertThat(scaled.getMetadata().getName()).isEqualTo("orders-canary");
        Map<String, Object> spec = scaled.get("spec");
        assertThat(spec).containsEntry("minReplicaCount", 1).containsEntry("maxReplicaCount", 8);
        assertThat(scaled.<String>get("spec", "scaleTargetRef", "name")).isEqualTo("orders-canary");
        List<Map<String, Object>> triggers = scaled.get("spec", "triggers");
        assertThat(triggers).hasSize(2);
        assertThat(triggers).allSatisfy(t -> {
            assertThat(t).containsEntry("type", "kafka").containsEntry("authenticationRef", Map.of("name", "kafka-trigger-auth"));
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) t.get("metadata");
            assertThat(metadata).containsEntry("bootstrapServers", "kafka:9092")
                    .containsEntry("consumerGroup", "datapipelines-orders-canary")
                    .containsEntry("lagThreshold", "5000");
        });
        assertThat(triggers).extracting(t -> (Object) ((Map<?, ?>) t.get("metadata")).get("topic")).containsExactly("orders-web", "orders-store");
        assertThat(manifests.objects()).noneMatch(HorizontalPodAutoscaler.class::isInstance);
        // min 1: no disruption budget (it would block node drains).
        assertThat(manifests.objects()).noneMatch(PodDisruptionBudget.class::isInstance);
    }

    @Test
    void fixedReplicasGetNoAutoscalerAndTwoOrMoreGetADisruptionBudget() {
        PipelineManifests fixed = PipelineManifests.render(Fixtures.deployment(Fixtures.withDeployment("replicas: {min: 3, max: 3}"), "prod", Fixtures.DIGEST_A));
        assertThat(fixed.objects()).extracting(HasMetadata::getKind).containsExactly("NetworkPolicy", "PodDisruptionBudget", "Deployment");
        PodDisruptionBudget pdb = only(PodDisruptionBudget.class, fixed);
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).containsExactly(
                Map.entry("io.datapipelines/pipeline", "orders"), Map.entry("io.datapipelines/deployment", "prod"));
        assertThat(fixed.deployment().getSpec().getReplicas()).isEqualTo(3);
        PipelineManifests single = PipelineManifests.render(Fixtures.deployment(Fixtures.withDeployment("replicas: {min: 1}"), "prod", Fixtures.DIGEST_A));
        assertThat(single.objects()).extracting(HasMetadata::getKind).containsExactly("NetworkPolicy", "Deployment");
    }

    @Test
    void maxReplicasAreCappedAtThePartitionCountWithAWarning() {
        PipelineDefinition wide = Fixtures.withDeployment("replicas: {min: 4, max: 12}");
        PartitionCap.Result capped = PartitionCap.apply(wide.spec().deployment(), 6);
        assertThat(capped.replicas()).isEqualTo(new ReplicaRange(4, 6));
        assertThat(capped.warning()).hasValueSatisfying(w -> assertThat(w).contains("max 12").contains("capped at 6"));
        PartitionCap.Result both = PartitionCap.apply(wide.spec().deployment(), 2);
        assertThat(both.replicas()).isEqualTo(new ReplicaRange(2, 2));
        assertThat(both.warning()).hasValueSatisfying(w -> assertThat(w).contains("max 12 and min 4 capped at 2"));
        assertThat(PartitionCap.apply(wide.spec().deployment(), 12).warning()).isEmpty();
        assertThat(PartitionCap.apply(wide.spec().deployment(), null).replicas()).isEqualTo(new ReplicaRange(4, 12));

        PipelineDeployment d = new PipelineDeployment(wide, "prod", "pipelines", ImageReference.parse(Fixtures.REPOSITORY + "@" + Fixtures.DIGEST_A),
                both.replicas(), Fixtures.options());
        // Capped to min == max: nothing left to autoscale.
        assertThat(PipelineManifests.render(d).objects()).noneMatch(HorizontalPodAutoscaler.class::isInstance);
    }

    @Test
    void imagesMustBePinnedByDigest() {
        assertThat(ImageReference.parse("registry.example.com:5000/team/orders@" + Fixtures.DIGEST_A).pinned())
                .isEqualTo("registry.example.com:5000/team/orders@" + Fixtures.DIGEST_A);
        ImageReference tagged = ImageReference.parse("ghcr.io/acme/orders:1.4@" + Fixtures.DIGEST_B);
        assertThat(tagged.tag()).isEqualTo("1.4");
        assertThat(tagged.pinned()).isEqualTo("ghcr.io/acme/orders@" + Fixtures.DIGEST_B);
        assertThatThrownBy(() -> ImageReference.parse("ghcr.io/acme/orders:latest")).hasMessageContaining("is not pinned by digest");
        assertThatThrownBy(() -> ImageReference.parse("ghcr.io/acme/orders@sha256:abc")).hasMessageContaining("64 lower-case hex digits");
        assertThatThrownBy(() -> ImageReference.parse("")).hasMessageContaining("no image given");
    }

    @Test
    void longNamesAreShortenedToValidLabelsAndNames() {
        String pipeline = "a-very-long-pipeline-name-that-goes-on-and-on-for-fifty-chars";
        DeploymentId id = new DeploymentId(pipeline, "production-europe-west", "pipelines");
        assertThat(id.resourceName()).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        DeploymentId other = new DeploymentId(pipeline, "production-europe-east", "pipelines");
        assertThat(other.resourceName()).isNotEqualTo(id.resourceName());
        assertThat(KubernetesNames.labelValue("x".repeat(80))).hasSizeLessThanOrEqualTo(63).matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
        assertThat(KubernetesNames.labelValue("fine.value_1")).isEqualTo("fine.value_1");
        assertThatThrownBy(() -> new DeploymentId("orders", "Prod", "pipelines")).hasMessageContaining("deployment name 'Prod' is not valid");
    }

    @Test
    void yamlIsAMultiDocumentStreamThatReadsBack() {
        PipelineManifests manifests = PipelineManifests.render(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_A));
        String yaml = manifests.toYaml();
        assertThat(yaml.split("(?m)^---$")).hasSize(5); // an empty part before the first separator, then 4 documents
        List<HasMetadata> parsed = new KubernetesSerialization().unmarshal(yaml);
        assertThat(parsed).extracting(HasMetadata::getKind).containsExactly("NetworkPolicy", "PodDisruptionBudget", "Deployment", "HorizontalPodAutoscaler");
        PipelineManifests back = PipelineManifests.fromJson(manifests.toJson());
        assertThat(back.fingerprint()).isEqualTo(manifests.fingerprint());
        assertThat(PipelineManifests.render(Fixtures.deployment(AUTOSCALED, "prod", Fixtures.DIGEST_B)).fingerprint()).isNotEqualTo(manifests.fingerprint());
    }

    private static Map<String, String> env(Container container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        container.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }

    private static <T> T only(Class<T> type, PipelineManifests manifests) {
        List<T> found = manifests.objects().stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
