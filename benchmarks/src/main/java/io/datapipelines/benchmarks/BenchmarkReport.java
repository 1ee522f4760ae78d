package io.datapipelines.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes docs/benchmarks.md from a JMH JSON result: each figure with its error, the machine, the exact
 * command, and each goal next to its measurement.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Path report = Path.of(args[1]);
        String machine = args.length > 2 ? args[2] : "";
        String command = args.length > 3 ? args[3] : "benchmarks/run.sh";
        JsonNode runs = new ObjectMapper().readTree(results.toFile());
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (JsonNode run : runs) {
            String name = run.path("params").path("transform").asText();
            JsonNode metric = run.path("primaryMetric");
            scores.put(name, new double[] {metric.path("score").asDouble(), metric.path("scoreError").asDouble()});
        }
        double builtin = scores.getOrDefault("builtin", new double[] {Double.NaN})[0];
        double python = scores.getOrDefault("python", new double[] {Double.NaN})[0];
        double ratio = python / builtin;
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n")
          .append("Produced by `").append(command).append("`; do not edit by hand.\n\n")
          .append("## Records per second through the topology (issue: definitions)\n\n")
          .append("One 200-byte JSON record at a time through the pipeline's real Kafka Streams topology\n")
          .append("(TopologyTestDriver: decode, steps, encode, forward; no broker), the field `customer`\n")
          .append("upper-cased (a) by the built-in `uppercase` and (b) by Python `value.upper()` in Jython.\n")
          .append("JMH throughput mode, 1 fork, 3 warm-up and 5 measured iterations of 2 s, one thread; the\n")
          .append("score is the mean of the measured iterations with its 99.9% error.\n\n")
          .append("| transform | records/s | error |\n|---|---:|---:|\n");
        scores.forEach((name, s) -> md.append(String.format(Locale.ROOT, "| %s | %,.0f | ± %,.0f |%n", name, s[0], s[1])));
        md.append(String.format(Locale.ROOT, "%nPython / built-in: **%.2f** (goal: >= 0.60: %s)%n%n", ratio,
                ratio >= 0.6 ? "met" : "not met"));
        md.append("## Machine\n\n```\n").append(machine.strip()).append("\n```\n");
        Files.writeString(report, md.toString());
    }
}
