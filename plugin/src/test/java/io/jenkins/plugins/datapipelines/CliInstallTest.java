package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the CLI distribution is downloaded: by the node itself first, as Jenkins core's tool installers try, and
 * through the controller when the node's attempt fails; the SHA-256 checked and nothing half-unpacked left either way.
 * The agent is an {@link AgentDirectory} (the download is sent to it serialized), the mirror a file: URL or a
 * {@link TestMirror}.
 */
class CliInstallTest {
    private static final String NODE = "agent-1";

    @TempDir
    Path temp;
    private final byte[] jar = new byte[256 * 1024];

    /** A distribution zip whose jar is large and incompressible, so that a download cut in half stops inside it. */
    private Path cliZip() throws IOException {
        new Random(14).nextBytes(jar);
        Path zip = temp.resolve("datapipelines-cli-distribution.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("datapipelines-cli.jar"));
            z.write(jar);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("lib/kafka-clients.jar"));
            z.write(new byte[] {1, 2, 3});
            z.closeEntry();
        }
        return zip;
    }

    /** The zip as the mirror serves it, with its real SHA-256. */
    private static CliDistribution served(TestMirror mirror, Path zip) throws IOException {
        return new CliDistribution(mirror.url(), StandInCliDistribution.of(zip).sha256());
    }

    private static List<String> fallbackLines(LinesListener log, CliDistribution distribution) {
        return log.lines().stream().filter(line -> line.startsWith("Could not download " + distribution.url() + " on " + NODE + " (")).toList();
    }

    @Test
    void theNodeDownloadsItItselfWhenItCan() throws Exception {
        Path zip = cliZip();
        CliDistribution distribution = StandInCliDistribution.of(zip); // a file: URL, which the node can read
        Path cache = temp.resolve("agent/tools/datapipelines-cli");
        AgentDirectory agent = new AgentDirectory(cache);
        LinesListener log = new LinesListener();

        String installed = CliInstall.install(distribution, agent, NODE, log);

        assertEquals(cache.resolve(distribution.version()).resolve("datapipelines-cli.jar").toAbsolutePath().toString(), installed);
        assertArrayEquals(jar, Files.readAllBytes(Path.of(installed)));
        assertEquals(1, agent.agentSide.unzips, "unpacked by the node");
        assertEquals(0, agent.unzips, "nothing unpacked through the controller");
        assertEquals(1, log.lines().size(), log.lines().toString());
        assertTrue(log.lines().get(0).startsWith("Installing the datapipelines CLI " + distribution.version() + " from " + distribution.url()),
                log.lines().get(0));

        // Found afterwards, on the node, without a download: the cache per node and version is what it was.
        Files.delete(zip);
        assertEquals(installed, CliInstall.install(distribution, agent, NODE, log));
        assertEquals(1, agent.agentSide.unzips);
        assertEquals(1, log.lines().size());
    }

    @Test
    void theControllerDownloadsItWhenTheNodeCannot() throws Exception {
        Path zip = cliZip();
        try (TestMirror mirror = TestMirror.serving(zip, TestMirror.Answer.UNAVAILABLE)) {
            CliDistribution distribution = served(mirror, zip);
            AgentDirectory agent = new AgentDirectory(temp.resolve("cache"));
            LinesListener log = new LinesListener();

            String installed = CliInstall.install(distribution, agent, NODE, log);

            assertArrayEquals(jar, Files.readAllBytes(Path.of(installed)));
            assertEquals(2, mirror.requests(), "the node's request, then the controller's");
            assertEquals(1, agent.installsThere);
            assertEquals(0, agent.agentSide.unzips);
            assertEquals(1, agent.unzips, "unpacked through the controller");
            List<String> lines = log.lines();
            assertEquals(2, lines.size(), lines.toString());
            assertEquals(List.of(lines.get(0)), fallbackLines(log, distribution));
            assertTrue(lines.get(0).contains("503") && lines.get(0).endsWith("): downloading it on the controller and copying it to " + NODE + " instead."),
                    lines.get(0));
            assertTrue(lines.get(1).startsWith("Installing the datapipelines CLI " + distribution.version() + " from " + distribution.url()), lines.get(1));
            assertEquals(List.of(distribution.version()), agent.list());
        }
    }

    @Test
    void aDownloadCutOffOnTheNodeLeavesNothingHalfUnpacked() throws Exception {
        Path zip = cliZip();
        try (TestMirror mirror = TestMirror.serving(zip, TestMirror.Answer.CUT_OFF)) {
            CliDistribution distribution = served(mirror, zip);
            AgentDirectory agent = new AgentDirectory(temp.resolve("cache"));
            LinesListener log = new LinesListener();

            String installed = CliInstall.install(distribution, agent, NODE, log);

            assertTrue(agent.agentSide.filesLeftByAFailedUnzip > 0, "the node had begun to unpack the half it got");
            List<String> fallback = fallbackLines(log, distribution);
            assertEquals(1, fallback.size(), log.lines().toString());
            assertTrue(fallback.get(0).contains("ChecksumMismatch"), fallback.get(0));
            assertEquals(1, agent.unzips);
            assertEquals(List.of(distribution.version()), agent.list(), "only the installed version, no temporary directory");
            assertArrayEquals(jar, Files.readAllBytes(Path.of(installed)));
        }
    }

    @Test
    void aChecksumMismatchFailsNamingTheUrlAndBothHashesAndInstallsNothing() throws Exception {
        Path zip = cliZip();
        String actual = StandInCliDistribution.of(zip).sha256();
        String expected = "ab".repeat(32);
        try (TestMirror mirror = TestMirror.serving(zip)) {
            CliDistribution distribution = new CliDistribution(mirror.url(), expected);
            AgentDirectory agent = new AgentDirectory(temp.resolve("cache"));
            LinesListener log = new LinesListener();

            CliCache.ChecksumMismatch e = assertThrows(CliCache.ChecksumMismatch.class, () -> CliInstall.install(distribution, agent, NODE, log));

            String message = e.getMessage();
            assertFalse(message.contains("\n"), message);
            assertTrue(message.contains(distribution.url().toString()) && message.contains(actual) && message.contains(expected), message);
            // The node's wrong hash may be its own cut-off download: the controller tried too, and checked the same.
            assertEquals(2, mirror.requests());
            List<String> fallback = fallbackLines(log, distribution);
            assertEquals(1, fallback.size(), log.lines().toString());
            assertTrue(fallback.get(0).contains(actual) && fallback.get(0).contains(expected), fallback.get(0));
            assertEquals(List.of(), agent.list(), "neither a version nor a temporary directory");
        }
    }

    @Test
    void theControllersOwnDirectoryHasNoSecondWay() throws Exception {
        Path zip = cliZip();
        try (TestMirror mirror = TestMirror.serving(zip, TestMirror.Answer.UNAVAILABLE)) {
            CliDistribution distribution = served(mirror, zip);
            LocalInstallLocation controller = new LocalInstallLocation(temp.resolve("cache"));
            LinesListener log = new LinesListener();

            IOException e = assertThrows(IOException.class, () -> CliInstall.install(distribution, controller, "built-in", log));

            assertTrue(e.getMessage().contains("503"), e.getMessage());
            assertEquals(1, mirror.requests());
            assertEquals(List.of(), log.lines());
            assertEquals(List.of(), controller.list());
        }
    }
}
