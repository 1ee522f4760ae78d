package io.jenkins.plugins.datapipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PrivateFiles} in a local directory standing for {@code WORKSPACE@tmp}: the step's own {@link PrivateFile}
 * writes each file, as it does on the agent (there through {@code FilePath.act}); every file written is listed.
 */
final class LocalPrivateFiles implements PrivateFiles {
    private final Path directory;
    final List<Path> written = new ArrayList<>();

    LocalPrivateFiles(Path directory) {
        this.directory = directory;
    }

    @Override
    public String write(String prefix, String suffix, byte[] content) throws IOException {
        String path = new PrivateFile(prefix, suffix, content).invoke(directory.toFile(), null);
        written.add(Path.of(path));
        return path;
    }

    @Override
    public void delete(String path) throws IOException {
        Files.deleteIfExists(Path.of(path));
    }
}
