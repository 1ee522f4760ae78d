package io.datapipelines.benchmarks.report;

import java.util.List;

/**
 * What the image benchmark (issue 8, item 3: owned by the images work) writes to
 * {@code benchmarks/results/image.json} for the report: a first build and push of a pipeline image to
 * an empty registry, and builds and pushes of new revisions of the same pipeline to the now warm one.
 *
 * @param command     the exact command that built and pushed (one line)
 * @param registry    what the registry was (for example "registry:2 on localhost, HTTP")
 * @param firstPush   the first push, to an empty registry
 * @param newRevision each new-revision build and push, at least 5 (fewer in quick mode)
 */
public record ImageResults(String command, String registry, Push firstPush, List<Push> newRevision) {

    /**
     * @param seconds build start to push done
     * @param bytes   bytes sent to the registry (layers and manifests it did not have yet)
     */
    public record Push(double seconds, long bytes) {
    }
}
