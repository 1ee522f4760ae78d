package io.datapipelines.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a definition or Python file as strict UTF-8, bounded: the file type and size are checked before
 * reading (a FIFO or device such as /dev/zero is refused without being opened, so nothing blocks or fills
 * the heap), and at most {@link DefinitionLimits#MAX_FILE_BYTES} + 1 bytes are read, so a file that grows
 * while it is read is refused too. A byte sequence that is not UTF-8 is reported at its own line and column.
 */
public final class TextFile {

    /** Why a file cannot be used, at a place in it (1:1 unless the problem has a place of its own). */
    public static final class UnusableFileException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Location location;
        private final String reason;

        UnusableFileException(Location location, String reason) {
            super(location + ": " + reason);
            this.location = location;
            this.reason = reason;
        }

        public Location location() {
            return location;
        }

        /** What is wrong, without the location: "is a FIFO, not a regular file". */
        public String reason() {
            return reason;
        }
    }

    private TextFile() {
    }

    /**
     * @param file the file (symbolic links are followed)
     * @param name how locations name it
     */
    public static String read(Path file, String name) throws UnusableFileException {
        Location start = new Location(name, 1, 1);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new UnusableFileException(start, "no such file");
        } catch (IOException e) {
            throw new UnusableFileException(start, "cannot be read: " + e.getMessage());
        }
        if (attributes.isDirectory()) {
            throw new UnusableFileException(start, "is a directory, not a file");
        } else if (!attributes.isRegularFile()) {
            throw new UnusableFileException(start, "is " + kind(file) + ", not a regular file");
        } else if (attributes.size() > DefinitionLimits.MAX_FILE_BYTES) {
            throw tooLarge(start, attributes.size());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(DefinitionLimits.MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new UnusableFileException(start, "cannot be read: " + e.getMessage());
        }
        if (bytes.length > DefinitionLimits.MAX_FILE_BYTES) {
            throw tooLarge(start, -1);
        }
        return decode(bytes, name);
    }

    /** Strict UTF-8; the first malformed sequence is reported at its line and column (in characters). */
    public static String decode(byte[] bytes, String name) throws UnusableFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            out.flip();
            Location at = TextPosition.after(out, name);
            throw new UnusableFileException(at, "is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[bad] & 0xFF)
                    + "); save the file as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** @param size the size found, or -1 when only "more than the limit" is known (a file that grew) */
    static UnusableFileException tooLarge(Location start, long size) {
        String found = size < 0 ? "more than " + DefinitionLimits.MAX_FILE_BYTES + " bytes" : size + " bytes";
        return new UnusableFileException(start, "is " + found + "; a file may be at most " + DefinitionLimits.fileSizeText());
    }

    private static String kind(Path file) {
        try {
            Object type = Files.getAttribute(file, "unix:mode", LinkOption.values());
            int mode = ((Integer) type) & 0170000;
            return switch (mode) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }
}
