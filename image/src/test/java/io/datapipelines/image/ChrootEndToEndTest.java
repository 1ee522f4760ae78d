package io.datapipelines.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.ImageReference;
import io.datapipelines.embedded.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image itself processes records: the pushed image is copied out of the registry with skopeo, its
 * layers unpacked into a directory, and its entrypoint run there under chroot, as its numeric user, with
 * its environment, against an in-process Kafka broker on the loopback interface (a chroot shares the
 * network). Nothing of this JVM's class path is used: the JRE and every jar come from the image.
 */
class ChrootEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theImageRunsThePipelineAgainstKafka() throws Exception {
        List<String> libs = runsAgainstKafka("orders-cleanup", Examples.ordersCleanup());
        assertThat(libs).as("GraalPy, for the pipeline's Python step").contains("python-language-25.0.3.jar");
    }

    /** Without GraalPy steps, without GraalPy's jars: a Jython step and the built-ins run from an image that has none. */
    @Test
    void aPipelineWithoutGraalPyStepsRunsFromAnImageWithoutGraalPy() throws Exception {
        List<String> libs = runsAgainstKafka("orders-cleanup-jython", Examples.ordersCleanupOnJython());
        assertThat(libs).contains("jython-standalone-2.7.4.jar")
                .noneMatch(name -> name.startsWith("python-") || name.startsWith("truffle-") || name.startsWith("polyglot-"));
    }

    /** Builds the image of orders-cleanup (or a variant), runs it under chroot against a broker, checks its records; its jars in /app/lib. */
    private List<String> runsAgainstKafka(String name, io.datapipelines.model.PipelineDefinition definition) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "skipped: chroot needs root; this runs as "
                + System.getProperty("user.name"));
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/chroot")), "skipped: no /usr/sbin/chroot");
        LocalRegistry registry = LocalRegistry.get();
        Skopeo.require();
        Path base = JreBaseImage.archive();

        String repository = registry.newRepository(name);
        BuiltImage image = PipelineImage.builder()
                .definition(definition)
                .runtime(RuntimeClasspath.current())
                .base(BaseImage.parse("docker-archive:" + base))
                .to(new ImageTarget.Registry(ImageReference.parse(repository)))
                .credentials(RegistryCredentials.anonymous())
                .allowInsecureRegistries(true)
                .cacheDirectory(dir.resolve("cache"))
                .build();

        Path layout = dir.resolve("oci");
        Skopeo.copyToOciLayout(image.image().toString(), layout);
        Path rootfs = dir.resolve("rootfs");
        JsonNode config = unpack(layout, rootfs);
        List<String> libs;
        try (java.util.stream.Stream<Path> jars = Files.list(rootfs.resolve("app/lib"))) {
            libs = jars.map(jar -> jar.getFileName().toString()).sorted().toList();
        }
        prepareLikeAContainerRuntime(rootfs);
        Path proc = Files.createDirectories(rootfs.resolve("proc"));
        // The dynamic loader finds java's libraries through /proc/self/exe; every container runtime mounts /proc.
        Process mount = new ProcessBuilder("mount", "-t", "proc", "proc", proc.toString()).redirectErrorStream(true).start();
        String mountOutput = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(mount.waitFor() == 0, "skipped: cannot mount /proc in the chroot: " + mountOutput);
        boolean unmounted = false;

        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(1, List.of("orders", "orders-clean", "orders-cleanup-dlq"));
            String bootstrap = kafka.bootstrapServers().replace("localhost", "127.0.0.1");
            int httpPort = freePort();
            Path log = dir.resolve("container.log");
            Process container = start(rootfs, config, Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                    "DATAPIPELINES_HTTP_PORT", String.valueOf(httpPort)), log);
            try {
                produce(bootstrap);
                Map<String, String> sink = consume(bootstrap, "orders-clean", 1, container, log);
                Map<String, String> deadLetters = consume(bootstrap, "orders-cleanup-dlq", 1, container, log);

                assertThat(sink).containsOnlyKeys("o-1");
                assertThat(JSON.readTree(sink.get("o-1")).path("order_id").asText()).isEqualTo("o-1");
                assertThat(JSON.readTree(sink.get("o-1")).path("email").asText())
                        .isEqualTo("b5fc85e55755f9e0d030a10ab4429b6b2944855f9a0d60077fe832becbc41d72");
                assertThat(JSON.readTree(sink.get("o-1")).path("amount").asDouble()).isEqualTo(10.5);
                assertThat(deadLetters).containsOnlyKeys("o-3");
                assertThat(httpStatus(httpPort, "/healthz")).isEqualTo(200);
            } finally {
                container.destroy(); // SIGTERM: the runtime commits and leaves the group
                boolean exited = container.waitFor(60, TimeUnit.SECONDS);
                if (!exited) {
                    container.destroyForcibly();
                }
                assertThat(exited).as("the container stops on SIGTERM; log:%n%s", tail(log)).isTrue();
            }
            assertThat(Files.readString(log)).contains("Stopped cleanly");
        } finally {
            unmounted = new ProcessBuilder("umount", proc.toString()).start().waitFor() == 0;
            if (unmounted) {
                TestFiles.deleteRecursively(rootfs);
            }
        }
        assertThat(unmounted).as("/proc unmounted from the chroot").isTrue();
        return libs;
    }

    /**
     * The same on the Java 25 base with GraalPy's JIT (.ci/base-image.sh 25), with a Python step: the jlink runtime has
     * every module the runtime uses, and the start-up log says that the Graal JIT runs Python.
     */
    @Test
    void theJitImageRunsAPythonPipelineAgainstKafka() throws Exception {
        JreBaseImage.require("root".equals(System.getProperty("user.name")), "chroot needs root; this runs as "
                + System.getProperty("user.name"));
        JreBaseImage.require(Files.isExecutable(Path.of("/usr/sbin/chroot")), "no /usr/sbin/chroot");
        LocalRegistry registry = LocalRegistry.get();
        Skopeo.require();
        Path base = JreBaseImage.jvmciArchive();

        String repository = registry.newRepository("csv-to-json");
        BuiltImage image = PipelineImage.builder()
                .definition(new io.datapipelines.model.DefinitionParser().parse(Examples.file("csv-to-json.yaml")))
                .runtime(RuntimeClasspath.current())
                .base(BaseImage.parse("docker-archive:" + base))
                .graalJit(GraalCompiler.in(Path.of("target", GraalCompiler.DISTRIBUTION_DIRECTORY)))
                .to(new ImageTarget.Registry(ImageReference.parse(repository)))
                .credentials(RegistryCredentials.anonymous())
                .allowInsecureRegistries(true)
                .cacheDirectory(dir.resolve("cache"))
                .build();

        Path layout = dir.resolve("oci");
        Skopeo.copyToOciLayout(image.image().toString(), layout);
        Path rootfs = dir.resolve("rootfs");
        JsonNode config = unpack(layout, rootfs);
        prepareLikeAContainerRuntime(rootfs);
        Path proc = Files.createDirectories(rootfs.resolve("proc"));
        Process mount = new ProcessBuilder("mount", "-t", "proc", "proc", proc.toString()).redirectErrorStream(true).start();
        String mountOutput = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        JreBaseImage.require(mount.waitFor() == 0, "cannot mount /proc in the chroot: " + mountOutput);
        boolean unmounted = false;
        Path log = dir.resolve("container.log");

        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(1, List.of("sensor-readings-csv", "sensor-readings", "sensor-csv-to-json-dlq"));
            String bootstrap = kafka.bootstrapServers().replace("localhost", "127.0.0.1");
            int httpPort = freePort();
            Process container = start(rootfs, config, Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                    "DATAPIPELINES_HTTP_PORT", String.valueOf(httpPort)), log);
            try {
                produce(bootstrap, "sensor-readings-csv", Map.of("s-1", "s-1,2026-11-27T08:00:00Z,21.456,ok"));
                Map<String, String> sink = consume(bootstrap, "sensor-readings", 1, container, log);

                assertThat(JSON.readTree(sink.get("s-1")).path("celsius").asDouble()).isEqualTo(21.5);
                assertThat(JSON.readTree(sink.get("s-1")).path("ok").asBoolean()).isTrue();
                assertThat(httpMetrics(httpPort)).contains("datapipelines_python_runtime_info{").contains("name=\"GraalVM CE\"");
            } finally {
                container.destroy();
                boolean exited = container.waitFor(60, TimeUnit.SECONDS);
                if (!exited) {
                    container.destroyForcibly();
                }
                assertThat(exited).as("the container stops on SIGTERM; log:%n%s", tail(log)).isTrue();
            }
            assertThat(Files.readString(log)).contains("Truffle runtime 'GraalVM CE' (Graal JIT").contains("Stopped cleanly")
                    .doesNotContain("PYTHON RUNS INTERPRETED").doesNotContain("WARNING:");
        } finally {
            unmounted = new ProcessBuilder("umount", proc.toString()).start().waitFor() == 0;
            if (unmounted) {
                TestFiles.deleteRecursively(rootfs);
            }
        }
        assertThat(unmounted).as("/proc unmounted from the chroot").isTrue();
    }

    private static void produce(String bootstrap, String topic, Map<String, String> records) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            records.forEach((key, value) -> producer.send(new ProducerRecord<>(topic, key, value)));
            producer.flush();
        }
    }

    private static String httpMetrics(int port) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/metrics").toURL().openConnection();
        try (var in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    /** Unpacks the image's layers in order into {@code rootfs}; returns the image configuration. */
    private static JsonNode unpack(Path layout, Path rootfs) throws Exception {
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifest = JSON.readTree(blob(layout, index.path("manifests").path(0).path("digest").asText()).toFile());
        Files.createDirectories(rootfs);
        for (JsonNode layer : manifest.path("layers")) {
            run("tar", "--numeric-owner", "-xpzf", blob(layout, layer.path("digest").asText()).toString(), "-C", rootfs.toString());
        }
        return JSON.readTree(blob(layout, manifest.path("config").path("digest").asText()).toFile());
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve("sha256").resolve(digest.substring("sha256:".length()));
    }

    /** What a container runtime provides and images do not carry: device nodes and /etc/hosts. */
    private static void prepareLikeAContainerRuntime(Path rootfs) throws Exception {
        Path dev = Files.createDirectories(rootfs.resolve("dev"));
        for (String[] node : new String[][] {{"null", "3"}, {"zero", "5"}, {"random", "8"}, {"urandom", "9"}}) {
            run("mknod", "-m", "666", dev.resolve(node[0]).toString(), "c", "1", node[1]);
        }
        Files.writeString(rootfs.resolve("etc/hosts"), "127.0.0.1 localhost\n");
    }

    /** Runs the image's entrypoint in the chroot as the image's user, with the image's environment plus {@code env}. */
    private static Process start(Path rootfs, JsonNode config, Map<String, String> env, Path log) throws IOException {
        JsonNode container = config.path("config");
        List<String> command = new ArrayList<>(List.of("/usr/sbin/chroot", "--userspec=" + container.path("User").asText(),
                rootfs.toString(), "/usr/bin/env", "-i", "--chdir=" + container.path("WorkingDir").asText("/")));
        container.path("Env").forEach(variable -> command.add(variable.asText()));
        env.forEach((name, value) -> command.add(name + "=" + value));
        container.path("Entrypoint").forEach(arg -> command.add(arg.asText()));
        container.path("Cmd").forEach(arg -> command.add(arg.asText()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void produce(String bootstrap) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("orders", "o-1", "{\"id\":\"o-1\",\"country\":\"DE\",\"email\":\"ada@example.com\",\"name\":\"Ada\","
                    + "\"amount\":\"10.499\",\"status\":\"PAID\",\"internal_note\":\"vip\"}"));
            producer.send(new ProducerRecord<>("orders", "o-2", "{\"id\":\"o-2\",\"country\":\"US\",\"email\":\"bob@example.com\",\"name\":\"Bob\","
                    + "\"amount\":5,\"status\":\"PAID\",\"internal_note\":\"\"}"));
            producer.send(new ProducerRecord<>("orders", "o-3", "{\"id\":\"o-3\",\"country\":\"FR\",\"email\":\"bob@example.com\",\"name\":\"Bob\","
                    + "\"amount\":\"n/a\",\"status\":\"PAID\",\"internal_note\":\"\"}"));
            producer.flush();
        }
    }

    /** Reads committed records until {@code count} arrived (or the container died, or three minutes passed). */
    private static Map<String, String> consume(String bootstrap, String topic, int count, Process container, Path log) throws IOException {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "chroot-test-" + topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, String> records = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (records.size() < count && Instant.now().isBefore(deadline)) {
                if (!container.isAlive()) {
                    throw new AssertionError("the container exited with " + container.exitValue() + ":\n" + tail(log));
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    records.put(record.key(), record.value());
                }
            }
        }
        assertThat(records).as("records on %s; container log:%n%s", topic, tail(log)).hasSizeGreaterThanOrEqualTo(count);
        return records;
    }

    private static int httpStatus(int port, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
