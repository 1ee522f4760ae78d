package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real CLI distribution, installed from a file: URL with its SHA-256 as the tool installers install it (the
 * plugin's own cache code) and run with the
 * command line the step builds: everything the step does on an agent except going through Jenkins' Launcher.
 * Only validate can run here: build and deploy need a registry and a cluster.
 */
class InstalledCliTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "../examples"));

    @TempDir
    static Path agent;

    static CliDistribution bundle;
    static String jar;

    @BeforeAll
    static void installLikeAnAgentWould() throws Exception {
        bundle = PackagedCli.distribution();
        assumeTrue(bundle != null, PackagedCli.SKIPPED);
        List<String> log = new java.util.ArrayList<>();
        jar = new CliCache(new LocalInstallLocation(agent.resolve("tools/datapipelines-cli")), bundle).ensureInstalled(log::add);
        assertThat(log).hasSize(1);
    }

    private static CliOutcome run(List<String> arguments) throws IOException, InterruptedException {
        return new LocalCli(jar, EXAMPLES, new CliEnvironment()).run(arguments);
    }

    @Test
    void theStepsValidateCommandRunsAndItsResultIsWhatTheStepRecords() throws Exception {
        CliOutcome outcome = run(CliCommands.validate("orders-cleanup.yaml"));
        assertThat(outcome.exitCode()).as(outcome.failureMessage()).isZero();
        ValidationResult result = CliResultParser.validation(outcome.stdout());
        assertThat(result.pipeline()).isEqualTo("orders-cleanup");
        assertThat(result.canonicalDefinition()).startsWith("{\"apiVersion\":");
        assertThat(CliResultParser.sha256(result.canonicalDefinition())).isEqualTo(result.revisionHash());
    }

    @Test
    void anInvalidDefinitionFailsWithTheClisOwnMessage(@TempDir Path dir) throws Exception {
        String broken = Files.readString(EXAMPLES.resolve("orders-cleanup.yaml")).replaceFirst("topic: ", "topik: ");
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, broken);
        CliOutcome outcome = run(CliCommands.validate(file.toString()));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.failureMessage()).startsWith("datapipelines validate rejected its input (exit code 2):\n  " + file + ":");
        assertThrows(DeploymentFailure.class, () -> CliResultParser.validation(outcome.stdout()));
    }

    @Test
    void theSecondInstallFindsTheCache() throws Exception {
        LocalInstallLocation location = new LocalInstallLocation(agent.resolve("tools/datapipelines-cli"));
        assertThat(new CliCache(location, bundle).ensureInstalled(line -> { throw new AssertionError("copied again: " + line); }))
                .isEqualTo(jar);
        assertThat(location.unzips).isZero();
    }
}
