package io.jenkins.plugins.datapipelines;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where the CLI's standard error (its progress and its messages) goes: into the build log as it arrives, line by
 * line with secrets masked, remembering the last lines so that a failure can quote them.
 *
 * <p>Whole lines only are written: output arrives in arbitrary chunks from the agent, and a secret cut in two
 * by a chunk boundary would otherwise slip past the mask. A line longer than {@value #MAX_LINE} bytes is
 * written in pieces, cut where no secret is ({@link SecretMasker#safeCut}) and never inside a UTF-8 character:
 * what could be the start of a secret waits for the next piece.
 */
public final class CliLogStream extends OutputStream {
    static final int MAX_LINE = 64 * 1024;

    private final PrintStream log;
    private final SecretMasker masker;
    private final int tailSize;
    private final Deque<String> tail = new ArrayDeque<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public CliLogStream(PrintStream log, SecretMasker masker, int tailSize) {
        this.log = log;
        this.masker = masker;
        this.tailSize = tailSize;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            endLine();
        } else {
            line.write(b);
            if (line.size() >= MAX_LINE) {
                writePiece();
            }
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** Writes the long line so far up to a safe cut, keeping the rest (and any incomplete character) for later. */
    private void writePiece() {
        byte[] bytes = line.toByteArray();
        int complete = completeCharacters(bytes);
        String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
        int cut = masker.safeCut(text);
        if (cut == 0) {
            return; // all of it could be part of a secret still arriving: wait (bounded by the longest secret)
        }
        line.reset();
        byte[] kept = text.substring(cut).getBytes(StandardCharsets.UTF_8);
        line.write(kept, 0, kept.length);
        line.write(bytes, complete, bytes.length - complete);
        write(text.substring(0, cut));
    }

    /** How many leading bytes form whole UTF-8 characters: a character's bytes may still be arriving. */
    static int completeCharacters(byte[] bytes) {
        int end = bytes.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = bytes[end - back] & 0xFF;
            if ((b & 0xC0) != 0x80) { // not a continuation byte: an ASCII byte or the lead byte of a character
                int length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return length > back ? end - back : end;
            }
        }
        return end;
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        write(text);
    }

    private void write(String text) {
        String masked = masker.mask(text);
        log.println(masked);
        if (!masked.isBlank()) {
            tail.addLast(masked);
            if (tail.size() > tailSize) {
                tail.removeFirst();
            }
        }
    }

    /** Writes a last unterminated line, if any. Partial lines are never flushed before: see the class comment. */
    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            endLine();
        }
        log.flush();
    }

    /** The last lines written, masked, oldest first. */
    public synchronized List<String> tail() {
        return List.copyOf(tail);
    }
}
