package io.datapipelines.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * Where the NetworkPolicy lets pods connect to Kafka. A NetworkPolicy selects peers by address or by
 * namespace and pod labels, never by host name, so the brokers are given as CIDRs (a cluster outside
 * Kubernetes), or as namespaces and/or pod labels (a cluster inside it: pod labels alone select pods in
 * the pipeline's own namespace, with namespaces the pods with those labels in those namespaces); with
 * none of them, the Kafka ports are open to any address ({@link #isOpen()}).
 *
 * @param ports broker ports; empty means the ports of the bootstrap servers
 */
public record KafkaEgress(List<String> cidrs, List<String> namespaces, Map<String, String> podLabels, List<Integer> ports) {
    public static final KafkaEgress ANY_ADDRESS = new KafkaEgress(List.of(), List.of(), Map.of(), List.of());

    public KafkaEgress {
        cidrs = List.copyOf(cidrs);
        namespaces = List.copyOf(namespaces);
        ports = List.copyOf(ports);
        cidrs.forEach(cidr -> Cidrs.require(cidr, "Kafka"));
        for (String namespace : namespaces) {
            KubernetesNames.requireDnsLabel(namespace, "Kafka namespace");
        }
        podLabels = KubernetesNames.requireLabels(podLabels, "Kafka pod label");
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Kafka port " + port + " is not between 1 and 65535");
            }
        }
    }

    public KafkaEgress(List<String> cidrs, List<String> namespaces, List<Integer> ports) {
        this(cidrs, namespaces, Map.of(), ports);
    }

    /** True when no broker address or selector is given: the Kafka ports are then open to any address. */
    public boolean isOpen() {
        return cidrs.isEmpty() && namespaces.isEmpty() && podLabels.isEmpty();
    }
}
