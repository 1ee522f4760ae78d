package io.datapipelines.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline's NetworkPolicy: ingress only to the HTTP port (metrics, and the probes where the network
 * plugin applies policies to them); egress only to DNS and to the Kafka brokers ({@link KafkaEgress}).
 * A pipeline talks to nothing else, so a compromised step (user Python runs in it) can reach nothing else.
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
                    .addNewIngress().withPorts(port(DeploymentManifest.HTTP_PORT, "TCP")).endIngress()
                    .withEgress(dns(), kafka(deployment))
                .endSpec()
                .build();
    }

    private static NetworkPolicyEgressRule dns() {
        // To any address: cluster DNS is a Service whose pods' labels vary by distribution (and node-local caches).
        return new NetworkPolicyEgressRuleBuilder().withPorts(port(53, "UDP"), port(53, "TCP")).build();
    }

    private static NetworkPolicyEgressRule kafka(PipelineDeployment deployment) {
        KafkaEgress egress = deployment.options().egress();
        List<Integer> ports = egress.ports().isEmpty() ? deployment.options().kafka().ports() : egress.ports();
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        for (String cidr : egress.cidrs()) {
            peers.add(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build());
        }
        for (String namespace : egress.namespaces()) {
            peers.add(new NetworkPolicyPeerBuilder().withNewNamespaceSelector()
                    .addToMatchLabels("kubernetes.io/metadata.name", namespace).endNamespaceSelector().build());
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
