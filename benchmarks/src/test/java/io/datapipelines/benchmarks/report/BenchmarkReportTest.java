package io.datapipelines.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapipelines.benchmarks.Machine;
import io.datapipelines.benchmarks.kafka.KafkaResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report from made-up results: every goal next to its figure, met or not, and charts that are PNGs. */
class BenchmarkReportTest {
    @TempDir
    Path dir;

    private static KafkaResults.Run run(String workload, String guarantee, int round, double perSecond, double rss, double startup) {
        return new KafkaResults.Run(workload, guarantee, round, 1_000_000, 1_000_000 / perSecond, perSecond, startup, rss, 10, 3, 1_000_000, 0, 1.5);
    }

    private static KafkaResults results(boolean quick, double pythonPerSecond) {
        List<KafkaResults.Run> runs = new ArrayList<>();
        for (int round = 1; round <= 5; round++) {
            for (String g : List.of("exactly-once", "at-least-once")) {
                runs.add(run("builtin", g, round, 100_000 + round, 200, 2.0));
                runs.add(run("python", g, round, pythonPerSecond, 220, 2.5));
                runs.add(run("five-steps", g, round, 50_000, 230 + round, 2.8));
                runs.add(run("peer", g, round, 40_000, 80, 0.2));
            }
        }
        List<KafkaResults.Idle> idle = List.of(new KafkaResults.Idle("five-steps", "exactly-once", 1, 3.1, 150),
                new KafkaResults.Idle("five-steps", "exactly-once", 2, 3.0, 170), new KafkaResults.Idle("five-steps", "exactly-once", 3, 3.2, 155));
        return new KafkaResults(quick, 1_000_000, 5, "2026-01-01T10:00:00Z", "2026-01-01T10:30:00Z",
                new Machine("Test CPU", 2, "8.0 GiB", "OpenJDK 17", "Linux 6", "Debian"), "python=3.11.2 confluent-kafka=1.7.0 librdkafka=2.0.2",
                "4.3.1", "0.10 0.20 0.30", "1.50 1.00 0.50", List.of("-XX:MaxRAM=512m"), Map.of("broker", "java kafka.Kafka"), runs, idle);
    }

    private String report(KafkaResults results, boolean withImage) throws Exception {
        Path kafka = dir.resolve("kafka.json");
        new ObjectMapper().writeValue(kafka.toFile(), results);
        Path jmh = dir.resolve("jmh.json");
        Files.writeString(jmh, """
                [{"forks":1,"warmupIterations":3,"warmupTime":"2 s","measurementIterations":5,"measurementTime":"2 s",
                  "params":{"transform":"builtin"},"primaryMetric":{"score":300000.0,"scoreError":1000.0}},
                 {"forks":1,"warmupIterations":3,"warmupTime":"2 s","measurementIterations":5,"measurementTime":"2 s",
                  "params":{"transform":"python"},"primaryMetric":{"score":150000.0,"scoreError":1000.0}}]
                """);
        Path image = dir.resolve("image.json");
        Files.deleteIfExists(image);
        if (withImage) {
            new ObjectMapper().writeValue(image.toFile(), new ImageResults("datapipelines build x.yaml", "registry:2 on localhost",
                    new ImageResults.Push(40.0, 90L * 1024 * 1024),
                    List.of(new ImageResults.Push(3.0, 4096), new ImageResults.Push(2.0, 2048), new ImageResults.Push(4.0, 8192))));
        }
        Path docs = Files.createDirectories(dir.resolve("docs"));
        int exit = new CommandLine(new BenchmarkReport()).execute("--kafka", kafka.toString(), "--jmh", jmh.toString(),
                "--image", image.toString(), "--output", docs.resolve("benchmarks.md").toString(), "--command", "benchmarks/run.sh");
        assertThat(exit).isZero();
        return Files.readString(docs.resolve("benchmarks.md"));
    }

    @Test
    void statesEachGoalNextToItsMeasurement() throws Exception {
        String md = report(results(false, 70_000), false);
        assertThat(md).contains("| (b) Python >= 0.6 x (a) built-in, exactly-once, real broker | 0.70 x | met |");
        assertThat(md).contains("| (a) built-in uppercase >= 2 x the CPython loop, exactly-once | 2.50 x | met |");
        assertThat(md).contains("| (b) Python uppercase >= 2 x the CPython loop, at-least-once | 1.75 x | **not met** |");
        assertThat(md).contains("| resident memory idle <= 160 MiB | 155 MiB | met |");
        assertThat(md).contains("| resident memory under load <= 256 MiB (the largest median peak) | 233 MiB (five-steps, exactly-once) | met |");
        assertThat(md).contains("| process start to first record <= 3 s (the slowest median) | 2.80 s (five-steps, exactly-once) | met |");
        assertThat(md).contains("| topology only (JMH, no broker): Python >= 0.6 x built-in | 0.50 x | **not met** |");
        assertThat(md).contains("| new-revision image build and push: median <= 1 s, <= 64 KiB pushed (warm registry) | not measured in this run | see below |");
        assertThat(md).doesNotContain("Quick mode");
        assertThat(md).contains("| 1 | builtin | exactly-once | 100,001 | 10.00 | 10.0 | 3.0 | 2.00 | 200 | 1,000,000 | 1.5 |");
        assertThat(md).contains("CPU:     Test CPU, 2 cores").contains("Kafka:   4.3.1").contains("# broker\njava kafka.Kafka");
    }

    @Test
    void aQuickRunSaysItIsNotForPublication() throws Exception {
        String md = report(results(true, 30_000), false);
        assertThat(md).contains("**Quick mode:").contains("not for publication");
        assertThat(md).contains("| (b) Python >= 0.6 x (a) built-in, exactly-once, real broker | 0.30 x | **not met** |");
    }

    @Test
    void showsTheImageFiguresWhenTheImageBenchmarkRan() throws Exception {
        String md = report(results(false, 70_000), true);
        assertThat(md).contains("| first push (empty registry) | 40.0 | 90.0 MiB | 1 |");
        assertThat(md).contains("| new revision (warm registry), median | 3.0 | 4.0 KiB | 3 |");
        assertThat(md).contains("| new-revision image build and push: median <= 1 s, <= 64 KiB pushed (warm registry) | 3.00 s, 4.0 KiB | **not met** |");
    }

    @Test
    void writesTheChartsAsPngs() throws Exception {
        report(results(false, 70_000), false);
        for (String chart : List.of("throughput.png", "memory.png", "startup.png")) {
            BufferedImage image = ImageIO.read(dir.resolve("docs/benchmarks").resolve(chart).toFile());
            assertThat(image).as(chart).isNotNull();
            assertThat(image.getWidth()).isEqualTo(900);
        }
    }

    @Test
    void missingResultsAreNamed() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        int exit;
        try {
            exit = new CommandLine(new BenchmarkReport()).execute("--kafka", dir.resolve("none.json").toString(), "--jmh",
                    dir.resolve("jmh.json").toString(), "--output", dir.resolve("out.md").toString());
        } finally {
            System.setErr(old);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("none.json does not exist; benchmarks/run.sh writes it");
        assertThat(dir.resolve("out.md")).doesNotExist();
    }
}
