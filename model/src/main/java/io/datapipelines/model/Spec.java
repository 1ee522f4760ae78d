package io.datapipelines.model;

import java.util.List;

/** {@code spec}: everything the pipeline does. */
public record Spec(
        Source source,
        Sink sink,
        List<Step> steps,
        ErrorHandling errors,
        Processing processing,
        List<PipelineTest> tests,
        DeploymentSettings deployment) {
    public Spec {
        steps = List.copyOf(steps);
        tests = List.copyOf(tests);
    }
}
