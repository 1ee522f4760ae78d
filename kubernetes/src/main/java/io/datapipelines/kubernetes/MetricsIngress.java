package io.datapipelines.kubernetes;

import java.util.List;

/**
 * Who the NetworkPolicy lets reach the pods' HTTP port (/metrics, /healthz, /readyz): pods in these
 * namespaces (where Prometheus runs, say). With none, the port is open to any address ({@link #isOpen()}),
 * so scraping keeps working where nobody said where the scraper runs. The kubelet's probes come from the
 * node, which network plugins always let through, so probes work either way.
 */
public record MetricsIngress(List<String> namespaces) {
    public static final MetricsIngress ANY_ADDRESS = new MetricsIngress(List.of());

    public MetricsIngress {
        namespaces = List.copyOf(namespaces);
        for (String namespace : namespaces) {
            KubernetesNames.requireDnsLabel(namespace, "metrics namespace");
        }
    }

    public boolean isOpen() {
        return namespaces.isEmpty();
    }
}
