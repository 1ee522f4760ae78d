package io.datapipelines.model;

import java.util.Map;

/** {@code metadata}: the pipeline's name (a DNS label, used in Kubernetes names) and optional labels. */
public record Metadata(String name, String description, Map<String, String> labels) {
    public Metadata {
        labels = Map.copyOf(labels);
    }
}
