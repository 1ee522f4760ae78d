package io.datapipelines.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapipelines.image.LocalRegistry;
import io.datapipelines.image.TinyBaseImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.datapipelines.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code datapipelines build}: tests first, then the image; its output, exit codes and messages. */
class BuildCommandTest {
    private static final Path EXAMPLE = Path.of("../examples/orders-cleanup.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static String base;

    @BeforeAll
    static void writeBase() throws Exception {
        base = "docker-archive:" + TinyBaseImage.write(dir.resolve("tiny-base.tar"));
    }

    private static String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of("build"));
        all.addAll(List.of(args));
        all.addAll(List.of("--base-image", base, "--cache-dir", dir.resolve("cache").toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void aFailingTestBuildsNothingAndExitsOne() throws Exception {
        Path changed = dir.resolve("failing.yaml");
        Files.writeString(changed, Files.readString(EXAMPLE).replace("status: paid}", "status: PAID}"));
        Path tar = dir.resolve("never.tar");

        CliTest.Run run = run(args(changed.toString(), "--image", "registry.example.com/orders", "--output-tar", tar.toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("FAIL EU order is cleaned").contains("a test failed: no image built");
        assertThat(run.out()).isEmpty();
        assertThat(tar).doesNotExist();
    }

    /** A test that passes only where the definition's code cannot read $HOME. */
    private static Path environmentProbe() throws Exception {
        Path probe = dir.resolve("environment-probe.yaml");
        Files.writeString(probe, """
                apiVersion: datapipelines/v1
                kind: DataPipeline
                metadata:
                  name: environment-probe
                spec:
                  source: {topic: in, format: json}
                  sink: {topic: out, format: json}
                  # Jython: GraalPy's sandbox hides the environment anyway; Jython has none, so this shows the
                  # child process's isolation itself.
                  processing: {python: {engine: jython}}
                  steps:
                    - kind: Record
                      name: read the environment
                      transform:
                        key: user-defined-record-transformation
                        config:
                          code: |
                            import os
                            def transform(record):
                                record["value"]["seen"] = os.environ.get("HOME", "out of reach")
                                return record
                  tests:
                    - name: the login's variable is out of reach
                      input: [{key: k, value: {a: 1}}]
                      expect: [{key: k, value: {a: 1, seen: out of reach}}]
                """);
        return probe;
    }

    @Test
    void theTestsRunWithoutTheVariablesThatHoldTheRegistryLogin() throws Exception {
        assertThat(System.getenv("HOME")).as("the variable standing in for a password").isNotBlank();
        Path probe = environmentProbe();
        Path tar = dir.resolve("probe.tar");
        assertThat(tar).doesNotExist();

        // The login names HOME as its password variable: the definition's code must not see it.
        CliTest.Run isolated = run(args(probe.toString(), "--image", "registry.example.com/probe", "--registry-username", "ci",
                "--registry-password-env", "HOME", "--output-tar", tar.toString()));
        // (The image itself needs the packaged runtime jars: after 'mvn test' alone the build stops there.)
        assertThat(isolated.err()).contains("PASS the login's variable is out of reach").contains("1 passed, 0 failed")
                .doesNotContain("no image built");

        // The control: with no login in the environment the tests run in this process, where the code sees $HOME.
        CliTest.Run inProcess = run(args(probe.toString(), "--image", "registry.example.com/probe", "--output-tar",
                dir.resolve("never.tar").toString()));
        assertThat(inProcess.exitCode()).isEqualTo(1);
        assertThat(inProcess.err()).contains("FAIL the login's variable is out of reach").contains("a test failed: no image built");
    }

    @Test
    void skipTestsBuildsWithoutRunningThem() throws Exception {
        Path changed = dir.resolve("failing-but-skipped.yaml");
        Files.writeString(changed, Files.readString(EXAMPLE).replace("status: paid}", "status: PAID}"));
        CliTest.Run run = run(args(changed.toString(), "--image", "registry.example.com/orders", "--skip-tests",
                "--output-tar", dir.resolve("skipped.tar").toString()));
        assertThat(run.err()).contains("Tests not run (--skip-tests)").doesNotContain("FAIL").doesNotContain("no image built");
    }

    @Test
    void anInvalidDefinitionExitsTwo() {
        CliTest.Run run = run(args("../runtime/src/test/resources/invalid/unknown-builtin.yaml", "--image", "registry.example.com/orders"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(":13:34: spec.steps[0].fields.email.transform.key: unknown transform 'hashh'");
    }

    @Test
    void badOptionsExitTwoWithAMessage() {
        CliTest.Run missingBase = run("build", EXAMPLE.toString(), "--image", "registry.example.com/orders", "--base-image", "docker-archive:/no/such.tar");
        assertThat(missingBase.exitCode()).isEqualTo(2);
        assertThat(missingBase.err().strip()).isEqualTo("datapipelines: base image docker-archive:/no/such.tar: no such file");

        CliTest.Run badImage = run(args(EXAMPLE.toString(), "--image", "Not A Repository"));
        assertThat(badImage.exitCode()).isEqualTo(2);
        assertThat(badImage.err()).contains("--image 'Not A Repository' is not a repository reference");

        CliTest.Run userWithoutPassword = run(args(EXAMPLE.toString(), "--image", "registry.example.com/orders", "--registry-username", "ci"));
        assertThat(userWithoutPassword.exitCode()).isEqualTo(2);
        assertThat(userWithoutPassword.err()).contains("a registry username needs a password");

        CliTest.Run unsetVariable = run(args(EXAMPLE.toString(), "--image", "registry.example.com/orders", "--registry-username", "ci",
                "--registry-password-env", "DATAPIPELINES_TEST_SURELY_UNSET"));
        assertThat(unsetVariable.exitCode()).isEqualTo(2);
        assertThat(unsetVariable.err()).contains("--registry-password-env DATAPIPELINES_TEST_SURELY_UNSET: the environment variable is not set");
    }

    @Test
    void theJitNeedsTheDistributionsCompilerAndSaysSo() throws Exception {
        // Here the runtime jar is the reactor's (runtime/target), with no graal/ next to its directory.
        String jvmciBase = "docker-archive:" + TinyBaseImage.write(dir.resolve("tiny-jvmci.tar"), "25.0.3+9-LTS");
        Path tar = dir.resolve("jit.tar");
        // --jit on on any base; auto on a base labelled for the JIT.
        for (List<String> jit : List.of(List.of("--jit", "on", "--base-image", base), List.of("--base-image", jvmciBase))) {
            List<String> command = new ArrayList<>(List.of("build", EXAMPLE.toString(), "--image", "registry.example.com/orders",
                    "--output-tar", tar.toString(), "--cache-dir", dir.resolve("cache").toString()));
            command.addAll(jit);
            CliTest.Run run = run(command.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains("no Graal compiler next to").contains("--jit off builds without it");
            assertThat(tar).doesNotExist();
        }

        CliTest.Run off = run(args(EXAMPLE.toString(), "--image", "registry.example.com/orders", "--output-tar", tar.toString(),
                "--jit", "off", "--output", "json"));
        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(JSON.readTree(off.out()).path("layers")).extracting(layer -> layer.path("name").asText())
                .containsExactly("base", "dependencies", "graalpy", "runtime", "pipeline");

        CliTest.Run bogus = run(args(EXAMPLE.toString(), "--image", "registry.example.com/orders", "--jit", "maybe"));
        assertThat(bogus.exitCode()).isEqualTo(2);
        assertThat(bogus.err()).contains("--jit must be auto, on or off, not 'maybe'");
    }

    @Test
    void writesAnOciArchiveAndPrintsTheJsonReport() throws Exception {
        Path tar = dir.resolve("orders.tar");
        CliTest.Run run = run(args(EXAMPLE.toString(), "--image", "registry.example.com/pipelines/orders", "--output-tar", tar.toString(),
                "--output", "json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("image", "digest", "revisionHash", "pipeline", "layers", "durationMs");
        assertThat(json.path("image").asText()).isEqualTo("registry.example.com/pipelines/orders@" + json.path("digest").asText());
        assertThat(json.path("digest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(json.path("pipeline").asText()).isEqualTo("orders-cleanup");
        assertThat(json.path("revisionHash").asText()).matches("[0-9a-f]{64}");
        assertThat(json.path("layers")).hasSize(5);
        List<String> layerKeys = new ArrayList<>();
        json.path("layers").get(4).fieldNames().forEachRemaining(layerKeys::add);
        assertThat(layerKeys).containsExactly("name", "digest", "size", "pushed");
        assertThat(json.path("layers").get(4).path("name").asText()).isEqualTo("pipeline");
        assertThat(json.path("durationMs").asLong()).isPositive();
        assertThat(tar).isNotEmptyFile();
        assertThat(run.err()).contains("All 3 tests passed");
    }

    /** The issue's "done when": the same example twice gives one digest; a changed definition pushes only its layer. */
    @Test
    void pushesToARealRegistryAndANewRevisionPushesOnlyItsLayer() throws Exception {
        String repository = LocalRegistry.get().newRepository("orders-cleanup");
        Path next = dir.resolve("orders-cleanup-next.yaml");
        Files.writeString(next, Files.readString(EXAMPLE).replace("description: EU orders", "description: Only EU orders"));

        CliTest.Run first = run(args(EXAMPLE.toString(), "--image", repository, "--insecure", "--output", "json"));
        CliTest.Run again = run(args(EXAMPLE.toString(), "--image", repository, "--insecure", "--output", "json"));
        CliTest.Run changed = run(args(next.toString(), "--image", repository, "--insecure", "--output", "json"));
        CliTest.Run text = run(args(EXAMPLE.toString(), "--image", repository, "--insecure"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode one = JSON.readTree(first.out());
        JsonNode two = JSON.readTree(again.out());
        JsonNode three = JSON.readTree(changed.out());
        assertThat(two.path("digest")).isEqualTo(one.path("digest"));
        assertThat(pushed(one)).containsExactly("base", "dependencies", "graalpy", "runtime", "pipeline");
        assertThat(pushed(two)).isEmpty();
        assertThat(three.path("digest")).isNotEqualTo(one.path("digest"));
        assertThat(pushed(three)).containsExactly("pipeline");
        assertThat(text.out().strip()).isEqualTo(repository + "@" + one.path("digest").asText());
    }

    @Test
    void plainHttpWithoutInsecureFailsAtOnceWithAHint() throws Exception {
        String repository = LocalRegistry.get().newRepository("orders-cleanup");
        CliTest.Run run = run(args(EXAMPLE.toString(), "--image", repository));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("use --insecure").doesNotContain("\tat ");
    }

    private static List<String> pushed(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.path("layers").forEach(layer -> {
            if (layer.path("pushed").asBoolean()) {
                names.add(layer.path("name").asText());
            }
        });
        return names;
    }
}
