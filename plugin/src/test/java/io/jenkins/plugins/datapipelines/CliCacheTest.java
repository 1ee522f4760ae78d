package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node's cache: installed once per version from a file: URL (as an installer downloads from a mirror), only when the
 * zip's SHA-256 is the expected one, found afterwards without a download, repaired when broken, old versions removed.
 */
class CliCacheTest {
    @TempDir
    Path temp;

    private CliDistribution bundle(String name, Map<String, String> entries) throws IOException {
        Path zip = temp.resolve(name + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(315532800000L); // fixed, so that equal contents make equal zips
                z.putNextEntry(entry);
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return StandInCliDistribution.of(zip);
    }

    private CliDistribution cli(String version) throws IOException {
        return bundle(version, Map.of("datapipelines-cli.jar", "jar " + version, "lib/kafka-clients.jar", "lib"));
    }

    @Test
    void copiesOnceThenFindsIt() throws Exception {
        Path cache = temp.resolve("agent/tools/datapipelines-cli");
        LocalInstallLocation location = new LocalInstallLocation(cache);
        CliDistribution bundle = cli("v1");
        List<String> log = new ArrayList<>();

        String jar = new CliCache(location, bundle).ensureInstalled(log::add);
        assertEquals(cache.resolve(bundle.version()).resolve("datapipelines-cli.jar").toAbsolutePath().toString(), jar);
        assertEquals("jar v1", Files.readString(Path.of(jar)));
        assertTrue(Files.exists(cache.resolve(bundle.version()).resolve("lib/kafka-clients.jar")));
        assertEquals(bundle.sha256(), Files.readString(cache.resolve(bundle.version()).resolve(".installed")));
        assertEquals(1, log.size());
        assertTrue(log.get(0).startsWith("Installing the datapipelines CLI " + bundle.version() + " from " + bundle.url()), log.get(0));

        assertEquals(jar, new CliCache(location, bundle).ensureInstalled(log::add));
        assertEquals(1, location.unzips, "the second build must find the CLI, not copy it again");
        assertEquals(1, log.size());
        assertEquals(List.of(bundle.version()), location.list(), "no temporary directory is left behind");
    }

    @Test
    void aNewVersionGetsItsOwnDirectoryAndTheOldOneGoes() throws Exception {
        LocalInstallLocation location = new LocalInstallLocation(temp.resolve("cache"));
        CliDistribution v1 = cli("v1");
        CliDistribution v2 = cli("v2");
        new CliCache(location, v1).ensureInstalled(s -> { });
        Files.createDirectories(temp.resolve("cache/unrelated-tool"));
        String jar = new CliCache(location, v2).ensureInstalled(s -> { });
        assertEquals("jar v2", Files.readString(Path.of(jar)));
        assertEquals(2, location.unzips);
        assertFalse(location.exists(v1.version()));
        assertTrue(location.exists("unrelated-tool"), "only our own version directories are removed");
    }

    @Test
    void aHalfInstalledVersionIsInstalledAgain() throws Exception {
        LocalInstallLocation location = new LocalInstallLocation(temp.resolve("cache"));
        CliDistribution bundle = cli("v1");
        Files.createDirectories(temp.resolve("cache").resolve(bundle.version()).resolve("lib"));
        String jar = new CliCache(location, bundle).ensureInstalled(s -> { });
        assertEquals("jar v1", Files.readString(Path.of(jar)));
        assertEquals(1, location.unzips);
    }

    @Test
    void aMarkerFromAnotherZipDoesNotCount() throws Exception {
        LocalInstallLocation location = new LocalInstallLocation(temp.resolve("cache"));
        CliDistribution bundle = cli("v1");
        Path dir = Files.createDirectories(temp.resolve("cache").resolve(bundle.version()));
        Files.writeString(dir.resolve(".installed"), "0".repeat(64));
        new CliCache(location, bundle).ensureInstalled(s -> { });
        assertEquals(1, location.unzips);
        assertEquals(bundle.sha256(), Files.readString(dir.resolve(".installed")));
    }

    @Test
    void losingTheRaceToAnotherBuildIsFine() throws Exception {
        Path cache = temp.resolve("cache");
        CliDistribution bundle = cli("v1");
        LocalInstallLocation racing = new LocalInstallLocation(cache) {
            @Override
            public boolean renameIfAbsent(String from, String to) throws IOException, InterruptedException {
                // Another build on the same agent finishes the same install just before this one.
                new CliCache(new LocalInstallLocation(cache), bundle).ensureInstalled(s -> { });
                return super.renameIfAbsent(from, to);
            }
        };
        String jar = new CliCache(racing, bundle).ensureInstalled(s -> { });
        assertEquals("jar v1", Files.readString(Path.of(jar)));
        assertEquals(List.of(bundle.version()), racing.list());
    }

    @Test
    void aDistributionWithoutTheJarIsRefused() throws Exception {
        LocalInstallLocation location = new LocalInstallLocation(temp.resolve("cache"));
        CliDistribution broken = bundle("broken", Map.of("README", "no jar"));
        IOException e = assertThrows(IOException.class, () -> new CliCache(location, broken).ensureInstalled(s -> { }));
        assertEquals("the CLI distribution " + broken.url() + " has no datapipelines-cli.jar at its top: is it the datapipelines-cli distribution zip?",
                e.getMessage());
        assertEquals(List.of(), location.list(), "nothing half-installed is left");
    }

    @Test
    void aZipWithAnotherChecksumIsRefusedAndNothingIsInstalled() throws Exception {
        LocalInstallLocation location = new LocalInstallLocation(temp.resolve("cache"));
        CliDistribution real = cli("v1");
        String expected = "ab".repeat(32);
        CliDistribution tampered = new CliDistribution(real.url(), expected);
        CliCache.ChecksumMismatch e = assertThrows(CliCache.ChecksumMismatch.class,
                () -> new CliCache(location, tampered).ensureInstalled(s -> { }));
        assertEquals("The CLI distribution " + real.url() + " has SHA-256 " + real.sha256() + ", but the installation expects " + expected
                + ": nothing was installed. Check the URL (a mirror serving another file?) or the SHA-256 in the tool installation.", e.getMessage());
        assertEquals(List.of(), location.list(), "neither the version nor a temporary directory is left");

        // The right hash afterwards installs it: the refusal left nothing in the way.
        String jar = new CliCache(location, real).ensureInstalled(s -> { });
        assertEquals("jar v1", Files.readString(Path.of(jar)));
    }

    @Test
    void theChecksumCoversBytesAfterTheLastEntry() throws Exception {
        // An unzipper stops at the central directory; bytes appended after it must still change the hash.
        CliDistribution original = cli("v1");
        Path zip = Path.of(original.url().toURI());
        Files.write(zip, "trailing".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        LocalInstallLocation location = new LocalInstallLocation(temp.resolve("cache"));
        assertThrows(CliCache.ChecksumMismatch.class, () -> new CliCache(location, original).ensureInstalled(s -> { }));
        assertEquals(List.of(), location.list());
    }

    /** A zip of one large entry: a download cut in half stops inside it, after the unzipper has begun to write it. */
    private CliDistribution large() throws IOException {
        StringBuilder jar = new StringBuilder();
        new Random(14).ints(200_000, 'a', 'z' + 1).forEach(c -> jar.append((char) c));
        return bundle("large", Map.of("datapipelines-cli.jar", jar.toString()));
    }

    @Test
    void aCutOffDownloadIsReportedAsTheMismatchItIs() throws Exception {
        CliDistribution whole = large();
        try (TestMirror mirror = TestMirror.serving(Path.of(whole.url().toURI()), TestMirror.Answer.CUT_OFF)) {
            CliDistribution served = new CliDistribution(mirror.url(), whole.sha256());
            LocalInstallLocation location = new LocalInstallLocation(temp.resolve("cache"));
            // The half ends cleanly, so the unzipper fails first; the administrator is told the hashes, not its complaint.
            CliCache.ChecksumMismatch e = assertThrows(CliCache.ChecksumMismatch.class, () -> new CliCache(location, served).ensureInstalled(s -> { }));
            assertTrue(e.getMessage().startsWith("The CLI distribution " + served.url() + " has SHA-256 "), e.getMessage());
            assertEquals(1, e.getSuppressed().length, "the unzipper's error is kept, under the mismatch");
            assertEquals(List.of(), location.list(), "the half-unpacked temporary directory is gone");
        }
    }

    @Test
    void aDownloadThatBreaksOffIsReportedAsTheDownloadsError() throws Exception {
        CliDistribution whole = large();
        try (TestMirror mirror = TestMirror.serving(Path.of(whole.url().toURI()), TestMirror.Answer.BROKEN_OFF)) {
            CliDistribution served = new CliDistribution(mirror.url(), whole.sha256());
            LocalInstallLocation location = new LocalInstallLocation(temp.resolve("cache"));
            // Not every byte was read: a hash of part of the file says nothing about the file.
            IOException e = assertThrows(IOException.class, () -> new CliCache(location, served).ensureInstalled(s -> { }));
            assertFalse(e instanceof CliCache.ChecksumMismatch, e.toString());
            assertEquals(List.of(), location.list());
        }
    }

    @Test
    void theSecondInstallNeedsNoDownload() throws Exception {
        LocalInstallLocation location = new LocalInstallLocation(temp.resolve("cache"));
        CliDistribution v1 = cli("v1");
        String jar = new CliCache(location, v1).ensureInstalled(s -> { });
        Files.delete(Path.of(v1.url().toURI())); // the mirror is gone: the cache must not need it
        assertEquals(jar, new CliCache(location, v1).ensureInstalled(line -> { throw new AssertionError("installed again: " + line); }));
        assertEquals(1, location.unzips);
    }

    @Test
    void theVersionIsTheExpectedHash() throws Exception {
        CliDistribution a = bundle("a", Map.of("datapipelines-cli.jar", "same"));
        CliDistribution upper = new CliDistribution(a.url(), " " + a.sha256().toUpperCase(java.util.Locale.ROOT) + " ");
        assertEquals(a.sha256(), upper.sha256(), "as sha256sum prints it, or in capitals with spaces around");
        assertEquals(a.sha256().substring(0, 16), a.version());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CliDistribution(a.url(), "abc"));
        assertEquals("The SHA-256 given for the CLI distribution " + a.url() + " is not 64 hex digits: 'abc'.", e.getMessage());
    }
}
