package io.datapipelines.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
        Path imageResults = args.length > 4 ? Path.of(args[4]) : null;
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
        if (imageResults != null && Files.isRegularFile(imageResults)) {
            imageSection(new ObjectMapper().readTree(imageResults.toFile()), md);
        }
        md.append("## Machine\n\n```\n").append(machine.strip()).append("\n```\n");
        Files.writeString(report, md.toString());
    }

    /** The image build and push figures (ImageBuildBenchmark's JSON) with their goals. */
    static void imageSection(JsonNode image, StringBuilder md) {
        List<Double> times = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        Set<String> pushedLayers = new TreeSet<>();
        for (JsonNode revision : image.path("revisions")) {
            times.add(revision.path("ms").asDouble());
            bytes.add(revision.path("bytesPushed").asLong());
            revision.path("layersPushed").forEach(name -> pushedLayers.add(name.asText()));
        }
        Collections.sort(times);
        Collections.sort(bytes);
        double medianMs = median(times);
        long medianBytes = bytes.isEmpty() ? 0 : bytes.get(bytes.size() / 2);
        JsonNode first = image.path("firstPush");
        List<String> firstLayers = new ArrayList<>();
        first.path("layersPushed").forEach(name -> firstLayers.add(name.asText()));
        md.append("## Image build and push (issue: images)\n\n")
          .append("`").append(image.path("pipeline").asText()).append("` built with Jib and pushed to Debian's docker-registry on\n")
          .append("127.0.0.1 (plain HTTP, local disk), on the JRE base image of `.ci/base-image.sh`, itself pushed to the same\n")
          .append("registry first. The first push goes to a new repository with an empty layer cache; then ")
          .append(times.size()).append(" new\nrevisions (each a changed definition) are built and pushed one after another, after one warm-up\n")
          .append("revision. Time is the wall-clock time of `PipelineImage.Builder.build()` (build, push, read back the\n")
          .append("manifest), in one JVM; bytes pushed are the compressed layers uploaded.\n\n")
          .append("| build | time | bytes pushed | layers uploaded |\n|---|---:|---:|---|\n")
          .append(String.format(Locale.ROOT, "| first push | %,.0f ms | %s | %s |%n", first.path("ms").asDouble(),
                  size(first.path("bytesPushed").asLong()), String.join(", ", firstLayers)))
          .append(String.format(Locale.ROOT, "| new revision, median of %d | %,.0f ms (min %,.0f, max %,.0f) | %s | %s |%n", times.size(),
                  medianMs, times.isEmpty() ? Double.NaN : times.get(0), times.isEmpty() ? Double.NaN : times.get(times.size() - 1),
                  size(medianBytes), String.join(", ", pushedLayers)))
          .append(String.format(Locale.ROOT, "%nNew revision: median **%,.0f ms** (goal: <= 1 s: %s), **%s** pushed (goal: <= 64 KiB: %s)%n%n",
                  medianMs, medianMs <= 1000 ? "met" : "not met", size(medianBytes), medianBytes <= 64 * 1024 ? "met" : "not met"))
          .append("The image's layers (compressed, as stored in the registry):\n\n| layer | size |\n|---|---:|\n");
        for (JsonNode layer : image.path("layers")) {
            md.append("| ").append(layer.path("name").asText()).append(" | ").append(size(layer.path("size").asLong())).append(" |\n");
        }
        md.append("| **image** | **").append(size(image.path("compressedSize").asLong())).append("** |\n\n");
    }

    private static double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
