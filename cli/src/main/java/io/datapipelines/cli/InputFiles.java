package io.datapipelines.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens an input file, or standard input when none is given. */
final class InputFiles {

    private InputFiles() {
    }

    /** @return a reader, or null after telling {@code err} why the file cannot be read */
    static BufferedReader open(Path file, PrintWriter err) {
        if (file == null) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
        } catch (IOException e) {
            err.println(file + ": cannot be read: " + e.getMessage());
        }
        return null;
    }
}
