package io.datapipelines.runtime.python;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;

import org.graalvm.polyglot.io.FileSystem;

/**
 * The only files user code may read: the time-zone database (zoneinfo), read-only. Path operations that
 * touch no file (parsing, making a path absolute) work for any path; everything that reads or lists a
 * file outside the database, or writes anything, is refused with a {@link SecurityException}, which
 * Python sees as a {@code PermissionError}. Links are resolved before the check, so a link inside the
 * database cannot lead out of it.
 */
final class ZoneInfoFileSystem implements FileSystem {
    private final FileSystem files = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    private final Path root;
    private final Path realRoot;

    ZoneInfoFileSystem(Path root) {
        this.root = root.normalize();
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException | SecurityException e) {
            real = this.root;
        }
        this.realRoot = real;
    }

    private Path allowed(Path path) {
        Path absolute = files.toAbsolutePath(path).normalize();
        if (absolute.startsWith(root)) {
            try {
                if (files.toRealPath(absolute).startsWith(realRoot)) {
                    return absolute;
                }
            } catch (IOException missing) {
                return absolute; // reading it fails as it should
            }
        }
        throw new SecurityException("Operation is not allowed for: " + path + " (only the time-zone database can be read)");
    }

    @Override
    public Path parsePath(URI uri) {
        return files.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        return files.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        files.checkAccess(allowed(path), modes, linkOptions);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw new SecurityException("Operation is not allowed for: " + dir);
    }

    @Override
    public void delete(Path path) throws IOException {
        throw new SecurityException("Operation is not allowed for: " + path);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        return files.newByteChannel(allowed(path), options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        return files.newDirectoryStream(allowed(dir), filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return files.toAbsolutePath(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return files.toRealPath(allowed(path), linkOptions);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return files.readAttributes(allowed(path), attributes, options);
    }
}
