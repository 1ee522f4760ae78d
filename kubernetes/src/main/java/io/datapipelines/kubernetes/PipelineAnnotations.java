package io.datapipelines.kubernetes;

import java.util.Set;

/** The annotations we write, and which of them describe an apply rather than what is applied. */
public final class PipelineAnnotations {
    /** The full revision hash of the definition (labels only hold its first 12 digits). */
    public static final String REVISION_HASH = "io.datapipelines/revision-hash";
    /** Our revision number, on the Deployment: which history entry is live. */
    public static final String REVISION = "io.datapipelines/revision";
    /** The replica bounds, on the Deployment: an apply keeps the autoscaler's count within them. */
    public static final String MIN_REPLICAS = "io.datapipelines/min-replicas";
    public static final String MAX_REPLICAS = "io.datapipelines/max-replicas";
    public static final String CAUSE = "io.datapipelines/cause";
    public static final String BUILD_URL = "io.datapipelines/build-url";
    /** Shown by {@code kubectl rollout history}. */
    public static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

    /**
     * Annotations that say why or when something was applied: they change with every apply, so they are
     * left out when deciding whether an apply changes anything, and never put on the pod template (where
     * they would restart every pod).
     */
    public static final Set<String> PER_APPLY = Set.of(REVISION, CAUSE, BUILD_URL, CHANGE_CAUSE);

    private PipelineAnnotations() {
    }
}
