package io.datapipelines.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens an input file, or standard input when none is given, as bytes: {@link NdjsonInput} splits lines and
 * decodes UTF-8 itself, so that a bad byte is reported at its line and column. A FIFO is fine here (input
 * is read as it comes, like standard input); a directory is not.
 */
final class InputFiles {

    private InputFiles() {
    }

    /** @return a stream, or null after telling {@code err} why the file cannot be read */
    static InputStream open(Path file, PrintWriter err) {
        if (file == null) {
            return new BufferedInputStream(System.in);
        }
        if (Files.isDirectory(file)) {
            err.println(file + ": is a directory, not an input file");
            return null;
        }
        try {
            return new BufferedInputStream(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
        } catch (IOException e) {
            err.println(file + ": cannot be read: " + e.getMessage());
        }
        return null;
    }
}
