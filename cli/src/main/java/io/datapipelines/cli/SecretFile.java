package io.datapipelines.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a login's part (a username, a password, a token) from the file a {@code --...-file} option names, or a
 * {@code DATAPIPELINES_..._FILE} environment variable. What goes wrong is said in one line naming the option (or the
 * variable) and the file, never the content: "--kafka-password-file /x: no such file",
 * "DATAPIPELINES_KAFKA_PASSWORD_FILE /x: no such file".
 */
final class SecretFile {
    private SecretFile() {
    }

    /**
     * The file an environment variable names (the {@code *_FILE} convention: its value is the file's path, never the
     * secret), or null when the variable is not set or empty.
     */
    static Path namedBy(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        return value == null || value.isEmpty() ? null : Path.of(value);
    }

    /** The file's text without white space around it (the registry's logins). */
    static String stripped(Path file, String option) {
        return nonEmpty(read(file, option).strip(), file, option);
    }

    /** The file's text without one final line break, how text files end (Kafka's logins: anything else is the password's). */
    static String withoutFinalLineBreak(Path file, String option) {
        return nonEmpty(read(file, option).replaceFirst("\r?\n$", ""), file, option);
    }

    private static String nonEmpty(String value, Path file, String option) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(option + " " + file + ": the file is empty");
        }
        return value;
    }

    private static String read(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": a directory, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(option + " " + file + ": not readable (permission denied)");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(option + " " + file + ": not UTF-8 text");
        }
    }
}
