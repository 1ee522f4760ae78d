package io.jenkins.plugins.datapipelines;

import com.thoughtworks.xstream.XStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two tool installers as Jenkins has them: loaded from their stored configuration with XStream (no constructor
 * runs, the stand-in ToolInstaller's would throw), then installing through the method their {@code performInstallation}
 * calls ({@link CliDistributionInstaller#installInto}) from a {@code file:} URL into a node's cache: downloaded by the
 * node itself, the SHA-256 checked, unpacked into {@code VERSION/}, found there afterwards without the zip, an older
 * version removed by a newer one, a wrong SHA-256 installing nothing. Only Jenkins' part is left out:
 * {@code preferredLocation} (the node's tool directory) and the {@code FilePath} that drives it.
 */
class CliInstallersTest {
    @TempDir
    Path temp;

    private static XStream xstream() {
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.datapipelines.**"});
        return xstream;
    }

    /** A distribution zip laid out as the real one; its jar's content tells the versions apart. */
    private static Path zip(Path file, String version) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("datapipelines-cli.jar"));
            zip.write(("cli " + version).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("lib/kafka-clients.jar"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("datapipelines"));
            zip.write("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static String sha256(Path zip) throws IOException {
        return StandInCliDistribution.of(zip).sha256();
    }

    /** As Manage Jenkins > Tools stores a URL installer (hudson.tools.InstallSourceProperty's installers). */
    private static CliUrlInstaller urlInstaller(String url, String sha256) {
        return (CliUrlInstaller) xstream().fromXML("<" + CliUrlInstaller.class.getName() + "><url>" + url + "</url><sha256>" + sha256
                + "</sha256></" + CliUrlInstaller.class.getName() + ">");
    }

    @Test
    void theUrlInstallerDownloadsOnTheNodeChecksUnpacksAndCachesPerVersion() throws Exception {
        Path v1 = zip(temp.resolve("mirror/datapipelines-cli-1.0.0-distribution.zip"), "1.0.0");
        String sha256 = sha256(v1);
        CliUrlInstaller installer = urlInstaller(v1.toUri().toString(), sha256);
        CliDistribution distribution = installer.distribution();
        assertThat(distribution.url()).isEqualTo(v1.toUri().toURL());
        Path tools = temp.resolve("agent/tools/io.jenkins.plugins.datapipelines.DataPipelinesCliInstallation/datapipelines");
        AgentDirectory node = new AgentDirectory(tools);
        LinesListener log = new LinesListener();

        String jar = installer.installInto(node, "agent-1", log);

        Path home = tools.resolve(distribution.version());
        assertThat(jar).isEqualTo(home.resolve("datapipelines-cli.jar").toAbsolutePath().toString());
        assertThat(Files.readString(Path.of(jar))).isEqualTo("cli 1.0.0");
        assertThat(home.resolve("lib/kafka-clients.jar")).exists();
        assertThat(home.resolve("datapipelines")).exists();
        assertThat(Files.readString(home.resolve(".installed"))).isEqualTo(sha256);
        assertThat(node.agentSide.unzips).as("downloaded and unpacked by the node itself").isEqualTo(1);
        assertThat(node.unzips).as("nothing through the controller").isZero();
        assertThat(log.lines()).singleElement().asString()
                .startsWith("Installing the datapipelines CLI " + distribution.version() + " from " + v1.toUri().toURL());

        // Cached per version: the next build finds it, without the zip (the mirror is gone) and without a word.
        Files.delete(v1);
        assertThat(urlInstaller(v1.toUri().toString(), sha256).installInto(node, "agent-1", log)).isEqualTo(jar);
        assertThat(node.agentSide.unzips).isEqualTo(1);
        assertThat(log.lines()).hasSize(1);

        // A new version gets its own directory; the old one goes.
        Path v2 = zip(temp.resolve("mirror/datapipelines-cli-1.1.0-distribution.zip"), "1.1.0");
        CliUrlInstaller upgraded = urlInstaller(v2.toUri().toString(), sha256(v2));
        String newJar = upgraded.installInto(node, "agent-1", log);
        assertThat(Files.readString(Path.of(newJar))).isEqualTo("cli 1.1.0");
        assertThat(node.list()).containsExactly(upgraded.distribution().version());
    }

    @Test
    void aWrongSha256InstallsNothingAndSaysBothHashes() throws Exception {
        Path zip = zip(temp.resolve("mirror/datapipelines-cli-1.0.0-distribution.zip"), "1.0.0");
        String expected = "ab".repeat(32);
        CliUrlInstaller installer = urlInstaller(zip.toUri().toString(), expected);
        LocalInstallLocation cache = new LocalInstallLocation(temp.resolve("controller/tools/datapipelines"));
        assertThatThrownBy(() -> installer.installInto(cache, "built-in", new LinesListener()))
                .isInstanceOf(CliCache.ChecksumMismatch.class)
                .hasMessageContaining("has SHA-256 " + sha256(zip) + ", but the installation expects " + expected);
        assertThat(cache.list()).as("neither the version nor a temporary directory").isEmpty();
    }

    @Test
    void theMavenInstallerFetchesTheZipByItsCoordinatesFromAFileRepository() throws Exception {
        Path repository = temp.resolve("m2 repository");
        Path zip = zip(repository.resolve("io/datapipelines/datapipelines-cli/1.2.3/datapipelines-cli-1.2.3-distribution.zip"), "1.2.3");
        // Stored before groupId, artifactId and classifier could be set: readResolve gives their defaults.
        CliMavenInstaller installer = (CliMavenInstaller) xstream().fromXML("<" + CliMavenInstaller.class.getName() + "><repositoryUrl>"
                + repository.toUri() + "</repositoryUrl><version>1.2.3</version><sha256>" + sha256(zip) + "</sha256></"
                + CliMavenInstaller.class.getName() + ">");
        assertThat(installer.distribution().url()).isEqualTo(zip.toUri().toURL());
        AgentDirectory node = new AgentDirectory(temp.resolve("agent/tools/datapipelines"));
        LinesListener log = new LinesListener();

        String jar = installer.installInto(node, "agent-1", log);

        assertThat(Files.readString(Path.of(jar))).isEqualTo("cli 1.2.3");
        assertThat(node.list()).isEqualTo(List.of(installer.distribution().version()));
        assertThat(node.agentSide.unzips).isEqualTo(1);
        assertThat(installer.installInto(node, "agent-1", log)).as("found the second time").isEqualTo(jar);
        assertThat(node.agentSide.unzips).isEqualTo(1);
    }
}
