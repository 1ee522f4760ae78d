package io.datapipelines.kubernetes;

/**
 * The pod's isolation beyond the Pod Security Standard "restricted" (which is always applied): its own
 * user namespace, and a NetworkPolicy. Both are on by default; a cluster that cannot honour them (user
 * namespaces need Kubernetes 1.33+ or the UserNamespacesSupport feature gate, and a runtime and file
 * system that support them) can turn them off.
 *
 * @param runAsUser the uid the image runs as (its user: 65532, "nonroot" in distroless images)
 */
public record SecurityOptions(boolean userNamespace, boolean networkPolicy, long runAsUser) {
    public static final long IMAGE_UID = 65532;
    public static final SecurityOptions DEFAULT = new SecurityOptions(true, true, IMAGE_UID);

    public SecurityOptions {
        if (runAsUser < 1) {
            throw new IllegalArgumentException("the pod must run as a non-root uid, not " + runAsUser);
        }
    }
}
