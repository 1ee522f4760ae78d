package io.datapipelines.kubernetes;

import java.util.Map;

/**
 * What an apply writes on the Deployment besides the manifests: the revision number, and why it was
 * applied (a cause such as a commit message or "rollback to revision 3", and the build's URL). Only on the
 * Deployment's own metadata, never on the pod template, so that it never restarts a pod.
 *
 * @param revision the revision number, or 0 when there is none yet (a dry run)
 */
public record ApplyStamp(int revision, String cause, String buildUrl) {
    public ApplyStamp {
        cause = cause == null || cause.isBlank() ? null : cause.strip();
        buildUrl = buildUrl == null || buildUrl.isBlank() ? null : buildUrl.strip();
    }

    public ApplyStamp withRevision(int number) {
        return new ApplyStamp(number, cause, buildUrl);
    }

    /** Sets these annotations and removes per-apply annotations of an earlier apply that this one lacks. */
    void writeTo(Map<String, String> annotations) {
        annotations.keySet().removeAll(PipelineAnnotations.PER_APPLY);
        if (revision > 0) {
            annotations.put(PipelineAnnotations.REVISION, String.valueOf(revision));
        }
        if (cause != null) {
            annotations.put(PipelineAnnotations.CAUSE, cause);
            annotations.put(PipelineAnnotations.CHANGE_CAUSE, cause);
        }
        if (buildUrl != null) {
            annotations.put(PipelineAnnotations.BUILD_URL, buildUrl);
        }
    }
}
