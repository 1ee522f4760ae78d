package io.jenkins.plugins.datapipelines;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A CLI distribution zip, laid out as the real one (datapipelines-cli.jar at the top), running {@link StandInCli}. */
public final class StandInCliDistribution {
    private StandInCliDistribution() {
    }

    public static CliDistribution create(Path directory) throws IOException {
        Path jar = directory.resolve("datapipelines-cli.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInCli.class.getName());
        String classFile = StandInCli.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest);
             InputStream bytes = StandInCli.class.getClassLoader().getResourceAsStream(classFile)) {
            if (bytes == null) {
                throw new IOException(classFile + " is not on the class path");
            }
            j.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(j);
            j.closeEntry();
        }
        Path zip = directory.resolve("stand-in-cli.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("datapipelines-cli.jar"));
            Files.copy(jar, z);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("lib/"));
            z.closeEntry();
        }
        return of(zip);
    }

    /** A zip as an installer would find it: its file: URL and its real SHA-256. */
    public static CliDistribution of(Path zip) throws IOException {
        try (InputStream in = Files.newInputStream(zip)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return new CliDistribution(zip.toUri().toURL(), java.util.HexFormat.of().formatHex(digest.digest()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the zip the one "Data Pipelines CLI" installation, downloaded from its file: URL as an administrator would
     * configure it (JenkinsRule tests; needs a running Jenkins).
     */
    public static void configureAsTool(CliDistribution distribution) throws IOException {
        hudson.tools.InstallSourceProperty installers = new hudson.tools.InstallSourceProperty(
                java.util.List.of(new CliUrlInstaller(null, distribution.url().toString(), distribution.sha256())));
        jenkins.model.Jenkins.get().getDescriptorByType(DataPipelinesCliInstallation.DescriptorImpl.class)
                .setInstallations(new DataPipelinesCliInstallation("datapipelines", null, java.util.List.of(installers)));
    }

    /** No installation configured any more (JenkinsRule tests). */
    public static void removeTools() {
        jenkins.model.Jenkins.get().getDescriptorByType(DataPipelinesCliInstallation.DescriptorImpl.class).setInstallations();
    }
}
