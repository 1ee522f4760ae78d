package io.datapipelines.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The topology benchmark's JMH JSON result: one score per transform, with how it was measured. */
record JmhResults(List<Score> scores, int forks, int warmupIterations, String warmupTime, int measurementIterations,
                  String measurementTime) {

    /** Records per second, mean of the measured iterations, with its 99.9% error. */
    record Score(String transform, double score, double error) {
    }

    static JmhResults read(Path file) throws IOException {
        JsonNode runs = new ObjectMapper().readTree(file.toFile());
        List<Score> scores = new ArrayList<>();
        for (JsonNode run : runs) {
            JsonNode metric = run.path("primaryMetric");
            scores.add(new Score(run.path("params").path("transform").asText(), metric.path("score").asDouble(),
                    metric.path("scoreError").asDouble()));
        }
        JsonNode first = runs.path(0);
        return new JmhResults(scores, first.path("forks").asInt(), first.path("warmupIterations").asInt(),
                first.path("warmupTime").asText(), first.path("measurementIterations").asInt(), first.path("measurementTime").asText());
    }

    double score(String transform) {
        return scores.stream().filter(s -> s.transform().equals(transform)).mapToDouble(Score::score).findFirst().orElse(Double.NaN);
    }
}
