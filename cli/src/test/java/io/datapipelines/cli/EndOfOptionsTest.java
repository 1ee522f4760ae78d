package io.datapipelines.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.datapipelines.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths from users come after {@code --} (the Jenkins plugin passes every definition that way): a definition named
 * like an option is then a file for every command that takes one.
 */
class EndOfOptionsTest {
    private static final Path EXAMPLE = Path.of("../examples/orders-cleanup.yaml");

    @Test
    void aDefinitionNamedLikeAnOptionIsAFileAfterTheEndOfOptions() throws Exception {
        // Relative to the working directory, as the plugin passes it: "-x.yaml", not "/tmp/.../-x.yaml".
        Path file = Path.of("-x.yaml");
        Files.copy(EXAMPLE, file);
        try {
            CliTest.Run asOption = run("validate", "-x.yaml");
            assertThat(asOption.exitCode()).isEqualTo(2);
            assertThat(asOption.err()).as("picocli takes it for options").containsAnyOf("Unknown option", "Missing required parameter");

            CliTest.Run validate = run("validate", "--output", "json", "--", "-x.yaml");
            assertThat(validate.exitCode()).as(validate.err()).isZero();
            assertThat(validate.out()).contains("\"pipeline\":\"orders-cleanup\"");

            CliTest.Run test = run("test", "--", "-x.yaml");
            assertThat(test.exitCode()).as(test.err()).isZero();
            assertThat(test.out()).contains("-x.yaml:").contains("3 passed, 0 failed");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void buildAndDeployTakeTheDefinitionAfterTheirOptions() {
        // Parsing only: both stop at the first check after it (no base image; no such file), not at the argument list.
        CliTest.Run build = run("build", "--image", "registry.example.com/orders", "--base-image", "docker-archive:/no/such.tar",
                "--output", "json", "--", EXAMPLE.toString());
        assertThat(build.err()).doesNotContainIgnoringCase("unknown option").doesNotContain("Missing required parameter")
                .contains("docker-archive:/no/such.tar: no such file");

        CliTest.Run deploy = run("deploy", "--image", "registry.example.com/orders@sha256:" + "a".repeat(64), "--deployment", "orders",
                "--namespace", "prod", "--dry-run", "--output", "json", "--", "-no-such.yaml");
        assertThat(deploy.err()).doesNotContainIgnoringCase("unknown option").doesNotContain("Missing required parameter")
                .contains("-no-such.yaml");
    }
}
