package io.datapipelines.kubernetes;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the NetworkPolicy lets pods connect to Kafka. A NetworkPolicy selects peers by address or by
 * namespace and pod labels, never by host name, so the brokers are given as CIDRs (a cluster outside
 * Kubernetes) or namespaces (a cluster inside it); with neither, the Kafka ports are open to any address.
 *
 * @param ports broker ports; empty means the ports of the bootstrap servers
 */
public record KafkaEgress(List<String> cidrs, List<String> namespaces, List<Integer> ports) {
    private static final Pattern IPV4_CIDR = Pattern.compile("((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])/(3[0-2]|[12]?[0-9])");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*/(12[0-8]|1[01][0-9]|[1-9]?[0-9])");

    public static final KafkaEgress ANY_ADDRESS = new KafkaEgress(List.of(), List.of(), List.of());

    public KafkaEgress {
        cidrs = List.copyOf(cidrs);
        namespaces = List.copyOf(namespaces);
        ports = List.copyOf(ports);
        for (String cidr : cidrs) {
            if (!IPV4_CIDR.matcher(cidr).matches() && !IPV6_CIDR.matcher(cidr).matches()) {
                throw new IllegalArgumentException("'" + cidr + "' is not a CIDR (such as 10.0.12.0/24)");
            }
        }
        for (String namespace : namespaces) {
            KubernetesNames.requireDnsLabel(namespace, "Kafka namespace");
        }
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Kafka port " + port + " is not between 1 and 65535");
            }
        }
    }
}
