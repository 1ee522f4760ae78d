package io.datapipelines.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The topology benchmark's JMH JSON result: one score per transform, with how it was measured. */
record JmhResults(List<Score> scores, int forks, int warmupIterations, String warmupTime, int measurementIterations,
                  String measurementTime, String jvm) {

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
                first.path("warmupTime").asText(), first.path("measurementIterations").asInt(), first.path("measurementTime").asText(),
                jvm(first));
    }

    /** The forked JVM: its version and flags, as JMH records them ({@code jdkVersion}, {@code jvmArgs}). */
    private static String jvm(JsonNode run) {
        List<String> args = new ArrayList<>();
        run.path("jvmArgs").forEach(arg -> args.add(arg.asText()));
        String version = run.path("jdkVersion").asText("?");
        return "Java " + version + (args.isEmpty() ? "" : ", `" + String.join(" ", args) + "`");
    }

    /** A transform parameter as the report names it. */
    static String label(String transform) {
        return switch (transform) {
            case "builtin" -> "built-in";
            case "python" -> "Python on GraalPy";
            case "python-jython" -> "Python on Jython";
            default -> transform;
        };
    }

    double score(String transform) {
        return scores.stream().filter(s -> s.transform().equals(transform)).mapToDouble(Score::score).findFirst().orElse(Double.NaN);
    }
}
