package io.datapipelines.runtime.python;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * GraalPy's {@code sys.stdout}/{@code sys.stderr} bytes (UTF-8) as text for a {@link PythonOutput}:
 * passed on at each newline, and in pieces (cut between characters) when a line grows past
 * {@link PythonOutput#MAX_LINE}, so that output without newlines cannot grow memory.
 */
final class PythonOutputStream extends OutputStream {
    private final PythonOutput output;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    PythonOutputStream(PythonOutput output) {
        this.output = output;
    }

    @Override
    public void write(int b) {
        pending.write(b);
        if (b == '\n') {
            pass(pending.size());
        } else if (pending.size() > PythonOutput.MAX_LINE) {
            byte[] bytes = pending.toByteArray();
            int cut = bytes.length;
            while (cut > 0 && (bytes[cut - 1] & 0xC0) == 0x80) {
                cut--; // a continuation byte: do not split the character
            }
            pass(Math.max(cut - 1, 1));
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private void pass(int length) {
        byte[] bytes = pending.toByteArray();
        output.write(new String(bytes, 0, length, StandardCharsets.UTF_8));
        pending.reset();
        pending.write(bytes, length, bytes.length - length);
    }
}
