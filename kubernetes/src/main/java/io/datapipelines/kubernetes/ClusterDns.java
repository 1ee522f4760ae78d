package io.datapipelines.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * Where the NetworkPolicy lets pods send DNS queries: the cluster DNS pods (by default those labelled
 * {@code k8s-app: kube-dns} in {@code kube-system}, which is what kubeadm, EKS, GKE, AKS and k3s's CoreDNS
 * carry), plus optional addresses such as a node-local DNS cache (169.254.20.10/32).
 * The policy names the pods, not the Service address: policies apply after the Service is resolved to a pod.
 *
 * @param namespace the namespace of the DNS pods
 * @param podLabels the labels that select the DNS pods (at least one)
 * @param cidrs     further addresses DNS may go to
 */
public record ClusterDns(String namespace, Map<String, String> podLabels, List<String> cidrs) {
    public static final String DEFAULT_NAMESPACE = "kube-system";
    public static final Map<String, String> DEFAULT_POD_LABELS = Map.of("k8s-app", "kube-dns");
    public static final ClusterDns DEFAULT = new ClusterDns(DEFAULT_NAMESPACE, DEFAULT_POD_LABELS, List.of());

    public ClusterDns {
        KubernetesNames.requireDnsLabel(namespace, "DNS namespace");
        if (podLabels.isEmpty()) {
            throw new IllegalArgumentException("the DNS pods need at least one label to select them by (such as k8s-app=kube-dns)");
        }
        podLabels = KubernetesNames.requireLabels(podLabels, "DNS pod label");
        cidrs = List.copyOf(cidrs);
        cidrs.forEach(cidr -> Cidrs.require(cidr, "DNS"));
    }
}
