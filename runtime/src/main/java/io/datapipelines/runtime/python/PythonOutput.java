package io.datapipelines.runtime.python;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What user code's {@code sys.stdout} and {@code sys.stderr} are: {@code print()} output goes to the
 * log, line by line, prefixed with the definition path of the code that printed, and never to standard
 * output (which a command line run may use for results) or to the sink.
 *
 * <p>Jython calls the public {@link #write(String)} and {@link #flush()} methods of this Java object as
 * Python methods; a Java object needs no encoding, unlike a Jython {@code file}, which would encode
 * unicode to ASCII and fail on any other character. Everything else is package-private, so not visible
 * to Python.
 */
public final class PythonOutput {
    /** Lines longer than this are passed on in pieces, so that output without newlines cannot grow memory. */
    static final int MAX_LINE = 8192;

    private static final Logger LOG = LoggerFactory.getLogger("io.datapipelines.python.print");

    /** Where complete lines go. */
    @FunctionalInterface
    interface Lines {
        void line(String source, String text);
    }

    private final Lines lines;
    private final StringBuilder pending = new StringBuilder();
    private String source = "python";

    PythonOutput(Lines lines) {
        this.lines = lines;
    }

    /** Standard output: the log at INFO. */
    static PythonOutput stdoutToLog() {
        return new PythonOutput((source, text) -> LOG.info("{}: {}", source, text));
    }

    /** Standard error: the log at WARN. */
    static PythonOutput stderrToLog() {
        return new PythonOutput((source, text) -> LOG.warn("{}: {}", source, text));
    }

    /** The definition path of the code that runs from now on (and so prints). */
    void source(String source) {
        if (!source.equals(this.source)) {
            close();
            this.source = source;
        }
    }

    /** Called from Python ({@code file.write}). */
    public void write(String text) {
        int start = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
            pending.append(text, start, newline);
            emitPending();
            start = newline + 1;
        }
        pending.append(text, start, text.length());
        if (pending.length() > MAX_LINE) {
            emitPending();
        }
    }

    /** Called from Python ({@code file.flush}): lines are passed on when complete, so nothing to do. */
    public void flush() {
    }

    /** Passes on a last line that had no newline. */
    void close() {
        if (pending.length() > 0) {
            emitPending();
        }
    }

    private void emitPending() {
        String text = pending.toString();
        pending.setLength(0);
        lines.line(source, text);
    }
}
