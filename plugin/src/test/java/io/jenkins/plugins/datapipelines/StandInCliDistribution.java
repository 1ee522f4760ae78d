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

    public static CliBundle create(Path directory) throws IOException {
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
        return new CliBundle(zip.toUri().toURL());
    }
}
