package io.jenkins.plugins.datapipelines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** {@link InstallLocation} in a local directory, counting unzips: what an agent's cache is, for tests. */
public class LocalInstallLocation implements InstallLocation {
    private final Path directory;
    int unzips;

    public LocalInstallLocation(Path directory) {
        this.directory = directory;
    }

    /** This JVM's own directory: there is no other machine to run an install on. */
    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public String installThere(CliDownload download) throws IOException, InterruptedException {
        return download.installInto(this);
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(directory.resolve(path));
    }

    @Override
    public String read(String path) throws IOException {
        return Files.readString(directory.resolve(path));
    }

    @Override
    public void write(String path, String content) throws IOException {
        Files.writeString(directory.resolve(path), content, StandardCharsets.UTF_8);
    }

    @Override
    public void unzip(InputStream zip, String path) throws IOException {
        unzips++;
        Path target = directory.resolve(path);
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                }
            }
        }
    }

    @Override
    public boolean renameIfAbsent(String from, String to) throws IOException, InterruptedException {
        try {
            Files.move(directory.resolve(from), directory.resolve(to));
            return true;
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            return false;
        }
    }

    @Override
    public void deleteRecursive(String path) throws IOException {
        Path target = directory.resolve(path);
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> files = Files.walk(target)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Override
    public List<String> list() throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> children = Files.list(directory)) {
                children.forEach(child -> names.add(child.getFileName().toString()));
            }
        }
        return names;
    }

    @Override
    public String absolutePath(String path) {
        return directory.resolve(path).toAbsolutePath().toString();
    }
}
