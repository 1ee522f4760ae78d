package io.datapipelines.model;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a step's {@code config.file} leads. The definition comes from a pull request and its code is
 * inlined into the canonical form that builds archive, so the path must stay inside the definition's
 * own folder: relative, and still inside once every symbolic link is resolved (a link to /etc/passwd,
 * or to {@code ../secret}, is refused by where it leads, not by how it is spelt).
 */
final class CodeFiles {

    /** The path is absolute, leads outside the definition's folder, or cannot be followed. */
    static final class OutsideException extends Exception {
        private static final long serialVersionUID = 1L;

        OutsideException(String message) {
            super(message);
        }
    }

    private CodeFiles() {
    }

    /** @return the real path of the file, inside the real path of {@code baseDir} */
    static Path resolve(Path baseDir, String file) throws OutsideException {
        Path relative;
        try {
            relative = Path.of(file);
        } catch (InvalidPathException e) {
            throw new OutsideException("not a valid path: " + e.getReason());
        }
        if (relative.isAbsolute() || file.startsWith("/") || file.startsWith("\\")) {
            throw new OutsideException("the path must be relative to the definition's folder, not absolute");
        }
        Path base;
        try {
            base = baseDir.toRealPath();
        } catch (IOException e) {
            throw new OutsideException("the definition's folder cannot be read: " + e.getMessage());
        }
        Path real;
        try {
            real = base.resolve(relative).toRealPath();
        } catch (NoSuchFileException e) {
            if (!base.resolve(relative).normalize().startsWith(base)) {
                throw new OutsideException("the path leads outside the definition's folder");
            }
            throw new OutsideException("no such file");
        } catch (IOException e) {
            throw new OutsideException("it cannot be followed: " + e.getMessage());
        }
        if (!real.startsWith(base)) {
            throw new OutsideException("the path leads outside the definition's folder"
                    + (base.resolve(relative).normalize().startsWith(base) ? " (through a symbolic link)" : ""));
        }
        return real;
    }
}
