package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline's NetworkPolicy: ingress only to the HTTP port, from the namespaces of {@link MetricsIngress}
 * (the kubelet's probes come from the node, which policies never block); egress only to the cluster DNS
 * pods ({@link ClusterDns}) and to the Kafka brokers ({@link KafkaEgress}). A pipeline talks to nothing
 * else, so a compromised step (user Python runs in it) can reach nothing else.
 */
public final class NetworkPolicyManifest {
    private NetworkPolicyManifest() {
    }

    public static NetworkPolicy render(PipelineDeployment deployment) {
        DeploymentId id = deployment.id();
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                    .withName(id.resourceName())
                    .withNamespace(id.namespace())
                    .withLabels(PipelineLabels.of(deployment))
                .endMetadata()
                .withNewSpec()
                    .withNewPodSelector().withMatchLabels(PipelineLabels.selector(id)).endPodSelector()
                    .withPolicyTypes("Ingress", "Egress")
                    .withIngress(metrics(deployment.options().metricsIngress()))
                    .withEgress(dns(deployment.options().dns()), kafka(deployment))
                .endSpec()
                .build();
    }

    /**
     * What the policy leaves open to any address, one sentence each, for the deploy output (empty when the
     * options name every peer).
     */
    public static List<String> openings(DeploymentOptions options) {
        if (!options.security().networkPolicy()) {
            return List.of("no NetworkPolicy (--no-network-policy): the pods may connect anywhere and be reached from anywhere");
        }
        List<String> openings = new ArrayList<>();
        if (options.egress().isOpen()) {
            openings.add("NetworkPolicy: Kafka egress is open to any address on the Kafka ports; name the brokers with "
                    + "--kafka-cidr, --kafka-namespace or --kafka-pod-label");
        }
        if (options.metricsIngress().isOpen()) {
            openings.add("NetworkPolicy: the metrics port " + DeploymentManifest.HTTP_PORT + " is open to any address; "
                    + "name the scraper's namespace with --metrics-namespace");
        }
        return openings;
    }

    private static NetworkPolicyIngressRule metrics(MetricsIngress ingress) {
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        for (String namespace : ingress.namespaces()) {
            peers.add(namespace(namespace).build());
        }
        return new NetworkPolicyIngressRuleBuilder()
                .withFrom(peers) // empty: from any address
                .withPorts(port(DeploymentManifest.HTTP_PORT, "TCP"))
                .build();
    }

    private static NetworkPolicyEgressRule dns(ClusterDns dns) {
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        // Both selectors in one peer: those pods in that namespace (two peers would be either).
        peers.add(namespace(dns.namespace()).withNewPodSelector().withMatchLabels(dns.podLabels()).endPodSelector().build());
        for (String cidr : dns.cidrs()) {
            peers.add(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build());
        }
        return new NetworkPolicyEgressRuleBuilder().withTo(peers).withPorts(port(53, "UDP"), port(53, "TCP")).build();
    }

    /** A peer for a namespace by its name label, which the API server sets on every namespace (Kubernetes 1.22+). */
    private static NetworkPolicyPeerBuilder namespace(String name) {
        return new NetworkPolicyPeerBuilder().withNewNamespaceSelector()
                .addToMatchLabels("kubernetes.io/metadata.name", name).endNamespaceSelector();
    }

    private static NetworkPolicyEgressRule kafka(PipelineDeployment deployment) {
        KafkaEgress egress = deployment.options().egress();
        List<Integer> ports = egress.ports().isEmpty() ? deployment.options().kafka().ports() : egress.ports();
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        for (String cidr : egress.cidrs()) {
            peers.add(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build());
        }
        for (String namespace : egress.namespaces()) {
            NetworkPolicyPeerBuilder peer = namespace(namespace);
            if (!egress.podLabels().isEmpty()) {
                peer.withNewPodSelector().withMatchLabels(egress.podLabels()).endPodSelector();
            }
            peers.add(peer.build());
        }
        if (egress.namespaces().isEmpty() && !egress.podLabels().isEmpty()) {
            // A pod selector alone: those pods in the pipeline's own namespace.
            peers.add(new NetworkPolicyPeerBuilder().withNewPodSelector().withMatchLabels(egress.podLabels()).endPodSelector().build());
        }
        return new NetworkPolicyEgressRuleBuilder()
                .withTo(peers) // empty: the Kafka ports on any address
                .withPorts(ports.stream().map(p -> port(p, "TCP")).toList())
                .build();
    }

    private static NetworkPolicyPort port(int port, String protocol) {
        return new NetworkPolicyPortBuilder().withPort(new IntOrString(port)).withProtocol(protocol).build();
    }
}
