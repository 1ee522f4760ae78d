package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Maven installer's coordinates, as the URL of the file in a repository's standard layout. */
class MavenArtifactTest {

    @Test
    void theCliDistributionOfAReleaseInCentral() throws Exception {
        assertEquals("https://repo.maven.apache.org/maven2/io/datapipelines/datapipelines-cli/1.2.0/datapipelines-cli-1.2.0-distribution.zip",
                MavenArtifact.cliDistribution("https://repo.maven.apache.org/maven2", "1.2.0").url().toString());
    }

    @Test
    void aMirrorWithOtherCoordinatesAndNoClassifier() throws Exception {
        MavenArtifact artifact = new MavenArtifact("https://nexus.example.com/repository/releases/", "com.example.tools", "dp-cli", "2.0", "", "zip");
        assertEquals("https://nexus.example.com/repository/releases/com/example/tools/dp-cli/2.0/dp-cli-2.0.zip", artifact.url().toString());
    }

    @Test
    void aLocalRepositoryAsAFileUrl() throws Exception {
        assertEquals("file:/srv/m2/io/datapipelines/datapipelines-cli/1.0/datapipelines-cli-1.0-distribution.zip",
                MavenArtifact.cliDistribution("file:/srv/m2/", "1.0").url().toString());
    }

    @Test
    void snapshotsAndPathTricksAreRefused() {
        IllegalArgumentException snapshot = assertThrows(IllegalArgumentException.class,
                () -> MavenArtifact.cliDistribution("https://repo.example.com/", "1.0-SNAPSHOT"));
        assertEquals("A release version: a SNAPSHOT has no fixed file name in a Maven repository (and no fixed SHA-256).", snapshot.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MavenArtifact.cliDistribution("https://repo.example.com/", "../../etc"));
        assertThrows(IllegalArgumentException.class, () -> new MavenArtifact("https://repo.example.com/", "io/x", "a", "1", null, "zip"));
        assertThrows(IllegalArgumentException.class, () -> MavenArtifact.cliDistribution(" ", "1.0"));
    }
}
