package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How a build chooses its CLI by the step's or builder's {@code cliTool}, and how the command line looks. */
class CliInstallationsTest {

    @Test
    void nothingConfiguredAndNothingNamedMeansThePath() throws Exception {
        assertNull(CliInstallations.choose(null, List.of()));
        assertNull(CliInstallations.choose("  ", List.of()));
        JavaCommand onPath = JavaCommand.onPath();
        assertEquals(List.of("datapipelines", "validate", "x.yaml"), onPath.commandLine(List.of("validate", "x.yaml")));
    }

    @Test
    void aNameThatIsNotConfiguredSaysWhatIs() {
        DeploymentFailure none = assertThrows(DeploymentFailure.class, () -> CliInstallations.choose("cli-2", List.of()));
        assertEquals("There is no Data Pipelines CLI installation named 'cli-2' (cliTool); the installations are: none. "
                + "Add or rename one in Manage Jenkins \u00bb Tools \u00bb Data Pipelines CLI installations.", none.getMessage());
    }

    @Test
    void theJarInAHome() {
        assertEquals("/opt/datapipelines/datapipelines-cli.jar", CliInstallations.jarIn("/opt/datapipelines", true));
        assertEquals("/opt/datapipelines/datapipelines-cli.jar", CliInstallations.jarIn("/opt/datapipelines/", true));
        assertEquals("C:\\tools\\dp\\datapipelines-cli.jar", CliInstallations.jarIn("C:\\tools\\dp", false));
    }
}
