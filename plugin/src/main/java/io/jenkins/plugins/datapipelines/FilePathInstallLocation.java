package io.jenkins.plugins.datapipelines;

import hudson.FilePath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link InstallLocation} on a node: each operation runs there, through the agent's channel (or directly, on the
 * controller's own directory and inside {@link CliDownload} on the agent).
 */
final class FilePathInstallLocation implements InstallLocation {
    private final FilePath directory;

    FilePathInstallLocation(FilePath directory) {
        this.directory = directory;
    }

    @Override
    public boolean isRemote() {
        return directory.isRemote();
    }

    @Override
    public String installThere(CliDownload download) throws IOException, InterruptedException {
        return directory.act(download);
    }

    @Override
    public boolean exists(String path) throws IOException, InterruptedException {
        return directory.child(path).exists();
    }

    @Override
    public String read(String path) throws IOException, InterruptedException {
        return directory.child(path).readToString();
    }

    @Override
    public void write(String path, String content) throws IOException, InterruptedException {
        directory.child(path).write(content, StandardCharsets.UTF_8.name());
    }

    @Override
    public void unzip(InputStream zip, String path) throws IOException, InterruptedException {
        FilePath target = directory.child(path);
        target.mkdirs();
        target.unzipFrom(zip);
    }

    @Override
    public boolean renameIfAbsent(String from, String to) throws IOException, InterruptedException {
        FilePath target = directory.child(to);
        if (target.exists()) {
            return false;
        }
        try {
            directory.child(from).renameTo(target);
            return true;
        } catch (IOException e) {
            if (target.exists()) {
                return false; // another build on this agent installed the same version meanwhile
            }
            throw e;
        }
    }

    @Override
    public void deleteRecursive(String path) throws IOException, InterruptedException {
        directory.child(path).deleteRecursive();
    }

    @Override
    public List<String> list() throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        if (directory.exists()) {
            for (FilePath child : directory.list()) {
                names.add(child.getName());
            }
        }
        return names;
    }

    @Override
    public String absolutePath(String path) {
        return directory.child(path).getRemote();
    }
}
