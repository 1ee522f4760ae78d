package io.datapipelines.runtime.python;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.InterruptException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import io.datapipelines.model.FunctionRef;
import io.datapipelines.runtime.step.FieldFilter;
import io.datapipelines.runtime.step.FieldTransform;
import io.datapipelines.runtime.step.PipelineRecord;
import io.datapipelines.runtime.step.RecordError;
import io.datapipelines.runtime.step.RecordFilter;
import io.datapipelines.runtime.step.RecordTransform;

/**
 * The GraalPy {@link PythonTask}: one sandboxed {@link Context} on the shared engine, in which the
 * harness ({@code graalpy_harness.py}) loads each step into a module of its own and makes every call.
 *
 * <p>Values cross as interop primitives, a flat map as trailing arguments of the call, and proxies that the harness
 * copies into real dicts and lists ({@link GuestValues}); results come back as primitives or JSON text ({@link JsonText}). A field function whose
 * source never reads its second parameter gets {@code None} for it and the row is not converted; one that only reads
 * it as {@code row["k"]}, {@code row.get("k")} or {@code "k" in row} gets a row of those keys only.
 *
 * <p>Time limit: each call is watched ({@link CallWatchdog}); past the limit the context is
 * interrupted ({@link Context#interrupt}), which stops the Python code at its next safepoint and leaves
 * the context usable: the record is a {@code TimeoutError}, and the next record runs as usual. (A step's
 * first call in a context gets at least {@link #FIRST_CALL_TIMEOUT}: it pays one-time costs.) Should
 * the interrupt not take within {@value #INTERRUPT_WAIT_SECONDS} s, or the code end the context, the
 * context is closed and made again, with every step loaded again, before the next call.
 */
final class GraalPyTask implements PythonTask {
    static final long INTERRUPT_WAIT_SECONDS = 2;
    /** Module-level code may import and set up: it gets more time than a record. */
    static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
    /**
     * A step's first call in a context pays one-time costs (the harness's and the function's first run,
     * interpreted): it gets at least this long, so that a cold start never makes a good record a
     * TimeoutError.
     */
    static final Duration FIRST_CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final java.util.regex.Pattern REFUSED = java.util.regex.Pattern.compile(
            "^(java\\.lang\\.SecurityException|java\\.lang\\.IllegalStateException: Creating threads|\\S*UnsupportedPosixFeatureException)");

    private final GraalPyEngine engine;
    private final Duration timeout;
    private final PythonOutput stdout;
    private final PythonOutput stderr;
    private final List<Loaded> loaded = new ArrayList<>();
    private Context context;
    private Value load;
    private CallWatchdog.Watch watch;
    private volatile Context watched;
    private volatile boolean contextLost;
    private volatile Duration currentLimit;
    private long nanosInPython;
    private boolean closed;

    /** One loaded step: its harness {@code Step} object in the current context. */
    private final class Loaded {
        final FunctionRef ref;
        final String name;
        final int arity;
        final CodePlace place;
        Value step;
        /** The step's own caller in the harness (one code unit per step, so the JIT inlines the function's call). */
        Value call;
        boolean called;
        boolean ignoresRow;
        /** The only row keys the function can read (the harness's {@code _row_keys}); null: it may see the whole row. */
        String[] rowKeys;
        int definitionLine = -1;

        Loaded(FunctionRef ref, String name, int arity) {
            this.ref = ref;
            this.name = name;
            this.arity = arity;
            this.place = new CodePlace(ref);
        }
    }

    GraalPyTask(GraalPyEngine engine, Duration timeout, PythonOutput stdout, PythonOutput stderr) {
        this.engine = engine;
        this.timeout = timeout;
        this.stdout = stdout;
        this.stderr = stderr;
        openContext();
    }

    private void openContext() {
        context = engine.newContext(new PythonOutputStream(stdout), new PythonOutputStream(stderr));
        Value bindings = context.getBindings("python");
        load = bindings.getMember("load");
        watched = context;
        contextLost = false;
        if (watch == null) {
            watch = CallWatchdog.watch(this::interrupt);
        }
    }

    /** On the watchdog's thread: stop the running call; if that does not work, end the context. */
    private void interrupt() {
        Context c = watched;
        if (c == null) {
            return;
        }
        try {
            c.interrupt(Duration.ofSeconds(INTERRUPT_WAIT_SECONDS));
        } catch (TimeoutException | RuntimeException e) {
            contextLost = true;
            c.close(true);
        }
    }

    @Override
    public FieldFilter fieldFilter(FunctionRef ref) {
        checkOpen();
        if (ref.code() == null) {
            return (value, row) -> true;
        }
        Loaded step = load(ref, "filter", 2);
        return (value, row) -> (Boolean) fieldCall(step, value, row);
    }

    @Override
    public FieldTransform fieldTransform(FunctionRef ref) {
        checkOpen();
        if (ref.code() == null) {
            return (value, row) -> value;
        }
        Loaded step = load(ref, "transform", 2);
        return (value, row) -> fieldCall(step, value, row);
    }

    @Override
    public RecordFilter recordFilter(FunctionRef ref) {
        checkOpen();
        if (ref.code() == null) {
            return record -> true;
        }
        Loaded step = load(ref, "filter", 1);
        return record -> (Boolean) recordCall(step, record);
    }

    @Override
    public RecordTransform recordTransform(FunctionRef ref) {
        checkOpen();
        if (ref.code() == null) {
            return List::of;
        }
        Loaded step = load(ref, "transform", 1);
        return record -> {
            @SuppressWarnings("unchecked")
            List<List<Object>> records = (List<List<Object>>) recordCall(step, record);
            List<PipelineRecord> out = new ArrayList<>(records.size());
            for (List<Object> r : records) {
                @SuppressWarnings("unchecked")
                Map<String, String> headers = r.get(2) == null ? record.headers() : (Map<String, String>) r.get(2);
                out.add(record.with(r.get(0), r.get(1), headers));
            }
            return out;
        };
    }

    private Loaded load(FunctionRef ref, String name, int arity) {
        Loaded step = new Loaded(ref, name, arity);
        loadInto(step);
        loaded.add(step);
        return step;
    }

    private void loadInto(Loaded step) {
        String filename = "<" + step.place.path() + ">";
        Value result = run(LOAD_TIMEOUT, step, () -> load.execute(step.ref.code(), filename, step.name, step.arity));
        if (result.hasArrayElements()) {
            String errorClass = result.getArrayElement(0).asString();
            String message = result.getArrayElement(1).asString();
            int line = result.getArrayElement(2).asInt();
            String calledAs = step.arity == 2 ? step.name + "(value, row)" : step.name + "(record)";
            if (line < 0) {
                message = message + ", called as " + calledAs;
                line = 1;
            }
            throw new RecordError(errorClass, (message.isEmpty() ? errorClass : message) + step.place.where(line));
        }
        step.step = result;
        step.call = result.getMember("call");
        step.called = false;
        Value rowKeys = result.getMember("row_keys");
        step.rowKeys = rowKeys.isNull() ? null : new String[(int) rowKeys.getArraySize()];
        for (int i = 0; step.rowKeys != null && i < step.rowKeys.length; i++) {
            step.rowKeys[i] = rowKeys.getArrayElement(i).asString();
        }
        step.ignoresRow = step.rowKeys != null && step.rowKeys.length == 0;
        try {
            step.definitionLine = result.getMember("function").getMember("__code__").getMember("co_firstlineno").asInt();
        } catch (RuntimeException notAPlainFunction) {
            step.definitionLine = -1;
        }
    }

    private Object fieldCall(Loaded step, Object value, Map<String, Object> wholeRow) {
        return call(step, () -> {
            Map<String, Object> row = wholeRow;
            Object[] entries = null;
            Object rowValue = null;
            String rowText = null;
            String rowKey = null;
            if (row != null && !step.ignoresRow) {
                entries = step.rowKeys == null ? GuestValues.flatEntries(row) : GuestValues.flatEntries(row, step.rowKeys);
                if (step.rowKeys != null && (entries == null || value instanceof Map || value instanceof List)) {
                    row = only(row, step.rowKeys);
                }
                if (entries == null) {
                    rowValue = GuestValues.of(row);
                    if (rowValue == GuestValues.NEEDS_JSON) {
                        rowValue = null;
                        rowText = JsonText.write(row);
                    }
                }
                if (value instanceof Map || value instanceof List) {
                    rowKey = keyHolding(row, value);
                }
            }
            Object guest = rowKey == null ? GuestValues.of(value) : null;
            String valueText = guest == GuestValues.NEEDS_JSON ? JsonText.write(value) : null;
            return step.call.execute(withEntries(entries, valueText == null ? guest : null, valueText, rowKey, rowValue, rowText));
        });
    }

    private Object recordCall(Loaded step, PipelineRecord record) {
        return call(step, () -> {
            Object key = GuestValues.of(record.key());
            boolean keyText = key == GuestValues.NEEDS_JSON;
            Object[] entries = record.value() instanceof Map<?, ?> map ? GuestValues.flatEntries(map) : null;
            Object value = entries == null ? GuestValues.of(record.value()) : null;
            boolean valueText = value == GuestValues.NEEDS_JSON;
            Object headers = record.headers().isEmpty() ? null : GuestValues.of(record.headers());
            return step.call.execute(withEntries(entries, keyText ? null : key, keyText ? JsonText.write(record.key()) : null,
                    valueText ? null : value, valueText ? JsonText.write(record.value()) : null,
                    record.topic(), record.partition(), record.offset(), record.timestamp(), headers));
        });
    }

    /** A call's arguments, then a flat map's entries as its trailing ones ({@link GuestValues#flatEntries}). */
    private static Object[] withEntries(Object[] entries, Object... arguments) {
        if (entries == null) {
            return arguments;
        }
        Object[] all = new Object[arguments.length + entries.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(entries, 0, all, arguments.length, entries.length);
        return all;
    }

    /** The row's entries of these keys, the others left out (the function cannot name them). */
    private static Map<String, Object> only(Map<String, Object> row, String[] keys) {
        Map<String, Object> visible = new LinkedHashMap<>(keys.length * 2);
        for (String key : keys) {
            Object value = row.get(key);
            if (value != null || row.containsKey(key)) {
                visible.put(key, value);
            }
        }
        return visible;
    }

    /** The row's key whose value is that very object (DataCater passed {@code row.get(field)}). */
    private static String keyHolding(Map<String, Object> row, Object value) {
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getValue() == value) {
                return entry.getKey();
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface GuestCall {
        Value run();
    }

    /** Runs one call of user code and reads its result (see graalpy_harness.py for the protocol). */
    private Object call(Loaded step, GuestCall guest) {
        Duration limit = step.called || timeout.compareTo(FIRST_CALL_TIMEOUT) >= 0 ? timeout : FIRST_CALL_TIMEOUT;
        step.called = true;
        Value result = run(limit, step, guest);
        if (result.isString()) {
            return result.asString();
        }
        if (result.isBoolean()) {
            return result.asBoolean();
        }
        if (result.isNull()) {
            return null;
        }
        if (result.isNumber()) {
            return result.fitsInLong() ? (Object) result.asLong() : result.asBigInteger();
        }
        if (result.getArraySize() == 1) {
            try {
                return JsonText.read(result.getArrayElement(0).asString());
            } catch (RecordError e) { // past the limits of record values: an error in what the function returned
                return throwError(new RecordError(e.errorClass(), e.getMessage() + " (returned by " + step.name + "() defined "
                        + step.place.place(step.definitionLine) + ")"));
            }
        }
        String errorClass = result.getArrayElement(0).asString();
        String message = result.getArrayElement(1).asString();
        int line = result.getArrayElement(2).asInt();
        if (line < 0) { // an error in what the function returned
            return throwError(new RecordError(errorClass, message + " (returned by " + step.name + "() defined "
                    + step.place.place(step.definitionLine) + ")"));
        }
        return throwError(new RecordError(errorClass, (message.isEmpty() ? errorClass : message)
                + step.place.where(line > 0 ? line : step.definitionLine)));
    }

    private static Object throwError(RecordError e) {
        throw e;
    }

    /** Runs guest code under the time limit; maps what the engine throws (not what Python raises). */
    private Value run(Duration limit, Loaded step, GuestCall guest) {
        checkOpen();
        if (contextLost) {
            reopen();
        }
        stdout.source(step.place.path());
        stderr.source(step.place.path());
        for (int attempt = 0; ; attempt++) {
            long number = watch.begin(limit);
            long start = System.nanoTime();
            try {
                return guest.run();
            } catch (PolyglotException e) {
                if ((e.isInterrupted() || e.isCancelled()) && watch.wasStopped(number)) {
                    throw new RecordError("TimeoutError", "the code ran longer than its time limit of "
                            + io.datapipelines.model.DurationText.format(limit) + " and was stopped"
                            + step.place.where(step.definitionLine));
                }
                if (e.isInterrupted() && attempt == 0 && !Thread.currentThread().isInterrupted()) {
                    continue; // the watchdog's interrupt of the previous call arrived late: run this one again
                }
                throw engineError(e, step);
            } finally {
                watch.end();
                nanosInPython += System.nanoTime() - start;
            }
        }
    }

    private RuntimeException engineError(PolyglotException e, Loaded step) {
        int line = guestLine(e, step);
        if (e.isHostException()) {
            Throwable host = e.asHostException();
            if (host instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            if (host instanceof RecordError recordError) {
                return recordError;
            }
            // the sandbox refusing something Python cannot catch: creating a process or a thread, a socket...
            String message = host.getMessage() == null ? host.getClass().getSimpleName() : host.getMessage();
            return new RecordError("PermissionError", "not allowed in a pipeline step: " + message + step.place.where(line), host);
        }
        if (e.isInterrupted() || e.isCancelled()) {
            if (Thread.currentThread().isInterrupted() || closed) {
                return new InterruptException("user code was interrupted: " + e.getMessage());
            }
            contextLost = e.isCancelled();
            return new RecordError("TimeoutError", "the code was stopped" + step.place.where(step.definitionLine), e);
        }
        if (e.isExit()) {
            contextLost = true;
            return new RecordError("SystemExit", "the step tried to end the process (exit status " + e.getExitStatus()
                    + "); a step cannot end a pipeline" + step.place.where(step.definitionLine), e);
        }
        if (e.isResourceExhausted()) {
            contextLost = true;
            return new RecordError("MemoryError", "the code ran out of resources: " + e.getMessage() + step.place.where(step.definitionLine), e);
        }
        String message = String.valueOf(e.getMessage());
        if (e.isInternalError() && REFUSED.matcher(message).find()) {
            // the sandbox refusing what GraalPy does not turn into a Python exception: a process, a thread, a socket
            return new RecordError("PermissionError", "not allowed in a pipeline step: " + message.replaceFirst("^[\\w.$]+Exception: ", "")
                    + step.place.where(line), e);
        }
        return new RecordError("RuntimeError", message + step.place.where(line), e);
    }

    /** The innermost line of the step's own code in the exception's guest stack; the function's line if none. */
    private static int guestLine(PolyglotException e, Loaded step) {
        String filename = "<" + step.place.path() + ">";
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && frame.getSourceLocation() != null
                    && filename.equals(frame.getSourceLocation().getSource().getName())) {
                return frame.getSourceLocation().getStartLine();
            }
        }
        return step.definitionLine;
    }

    /** After the context was lost (stopped for good, or ended by the code): a new one with every step loaded again. */
    private void reopen() {
        Context old = context;
        try {
            old.close(true);
        } catch (RuntimeException alreadyClosed) {
            // it is being replaced either way
        }
        openContext();
        for (Loaded step : loaded) {
            loadInto(step);
        }
    }

    @Override
    public long nanosInPython() {
        return nanosInPython;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this Python task is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watch.close();
        watched = null;
        stdout.close();
        stderr.close();
        try {
            context.close(true);
        } catch (RuntimeException e) {
            // closing is best effort: the task is going away
        }
    }
}
