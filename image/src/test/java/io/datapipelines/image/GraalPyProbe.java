package io.datapipelines.image;

import io.datapipelines.runtime.app.TruffleRuntimeReport;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Run inside an image's file system (GraalJitImageTest, benchmarks/python-startup.sh) with the image's java,
 * flags and class path: prints, one "key=value" a line, the Truffle runtime GraalPy runs on, the UTC offset
 * of Europe/Berlin on 2026-07-01 as Python's zoneinfo reads it from the image's tzdata, and how long the
 * engine, the first context and the first call took (start-up, for the record; tests assert no times).
 * With an argument SECONDS it then calls a light step for that long and prints the calls per second over the
 * last 5 s (the steady state, after the JIT's warm-up).
 */
public final class GraalPyProbe {
    private GraalPyProbe() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            long engineReady = System.nanoTime();
            System.out.println("runtime=" + TruffleRuntimeReport.of(engine).name());
            try (Context context = Context.newBuilder("python").engine(engine).allowIO(IOAccess.ALL)
                    // GraalPy's zoneinfo has no compiled-in TZPATH: it reads the tzdata where this says (as the Python engine sets it).
                    .environment("PYTHONTZPATH", "/usr/share/zoneinfo").build()) {
                context.eval("python", "1");
                long contextReady = System.nanoTime();
                Value offset = context.eval("python", """
                        from datetime import datetime
                        from zoneinfo import ZoneInfo
                        str(datetime(2026, 7, 1, 12, tzinfo=ZoneInfo("Europe/Berlin")).utcoffset())
                        """);
                Value transform = context.eval("python", "def transform(value, row):\n    return f\"{value.upper()}!\"\ntransform");
                String first = transform.execute("abc", null).asString();
                long firstCall = System.nanoTime();
                System.out.println("zoneinfo=" + offset.asString());
                System.out.println("first=" + first);
                System.out.println("engine_ms=" + (engineReady - start) / 1_000_000);
                System.out.println("first_context_ms=" + (contextReady - engineReady) / 1_000_000);
                System.out.println("first_call_ms=" + (firstCall - contextReady) / 1_000_000);
                if (args.length > 0) {
                    // Load for SECONDS; the rate over the last 5 s is the steady state (a JIT needs 10-20 s to get there).
                    long seconds = Long.parseLong(args[0]);
                    long end = System.nanoTime() + seconds * 1_000_000_000L;
                    long steadyFrom = end - Math.min(5, seconds) * 1_000_000_000L;
                    long steadyCalls = 0;
                    long checksum = 0;
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        for (int i = 0; i < 1000; i++) {
                            checksum += transform.execute("value-" + (i & 1023), null).asString().length();
                        }
                        if (now >= steadyFrom) {
                            steadyCalls += 1000;
                        }
                    }
                    System.out.println("calls_per_s=" + steadyCalls / Math.max(1, Math.min(5, seconds)) + " checksum=" + checksum);
                }
            }
        }
    }
}
