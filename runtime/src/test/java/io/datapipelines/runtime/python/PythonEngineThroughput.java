package io.datapipelines.runtime.python;

import io.datapipelines.model.FunctionRef;
import io.datapipelines.model.Location;
import io.datapipelines.runtime.step.FieldTransform;
import io.datapipelines.runtime.step.PipelineRecord;
import io.datapipelines.runtime.step.RecordTransform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A throughput harness, not a test: calls per second of one task's Python steps on one thread, for
 * GraalPy or Jython, two passes per step (the first is warm-up; with the Graal JIT give passes of 30 s: it needs
 * 15-20 s). Numbers go in the report, never in assertions. Run from the repository root after {@code ./mvnw -pl runtime -am test-compile}:
 *
 * <pre>
 *   ./mvnw -q -pl runtime -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp runtime/target/test-classes:runtime/target/classes:model/target/classes:$(cat /tmp/cp.txt) \
 *       io.datapipelines.runtime.python.PythonEngineThroughput graalpy 10
 * </pre>
 *
 * With the Graal JIT: the same on Temurin 25 with {@code -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI
 * --upgrade-module-path=DIR} (DIR: org.graalvm.compiler:compiler, truffle-compiler, collections and word
 * 25.0.3, and those jars left off the class path); see docs/python.md.
 */
public final class PythonEngineThroughput {
    static FunctionRef ref(String code) {
        return new FunctionRef("user-defined-transformation", Map.of("code", code), "spec.steps[0].transform", new Location("b.yaml", 1, 1), new Location("b.yaml", 2, 1));
    }

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[1]);
        PythonTask task = args[0].equals("graalpy")
                ? new GraalPyTask(GraalPyEngine.INSTANCE, Duration.ofSeconds(30), PythonOutput.stdoutToLog(), PythonOutput.stderrToLog())
                : new JythonEnvironment();
        System.out.println("runtime: " + (args[0].equals("graalpy") ? GraalPyEngine.INSTANCE.truffleRuntime() : "jython"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "o-1"); row.put("name", "ada lovelace"); row.put("amount", 12.5); row.put("qty", 3L);
        row.put("country", "DE"); row.put("tags", List.of("a", "b"));
        FieldTransform light = task.fieldTransform(ref("def transform(value, row):\n    return value.upper()\n"));
        FieldTransform lightRow = task.fieldTransform(ref("def transform(value, row):\n    return value.upper() + row['country']\n"));
        FieldTransform heavy = task.fieldTransform(ref("import re, hashlib\nP = re.compile(r'[aeiou]')\n"
                + "def transform(value, row):\n    h = hashlib.sha256(value.encode()).hexdigest()[:8]\n"
                + "    return '%s-%s-%s' % (P.sub('*', value), h, round(row['amount'] * row['qty'], 2))\n"));
        RecordTransform record = task.recordTransform(ref("def transform(record):\n    record['value']['n'] = record['value']['qty'] * 2\n    return record\n"));
        run("light, row unused", seconds, () -> light.apply("ada lovelace", row));
        run("light, row used", seconds, () -> lightRow.apply("ada lovelace", row));
        run("heavy (regex, sha256, f-string, round)", seconds, () -> heavy.apply("ada lovelace", row));
        run("record transform", seconds, () -> record.apply(new PipelineRecord("k", new LinkedHashMap<>(row), "t", 0, 1L, 2L, Map.of())));
        task.close();
        System.exit(0);
    }

    static void run(String name, long seconds, Runnable call) {
        for (int pass = 0; pass < 2; pass++) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long n = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                for (int i = 0; i < 100; i++) {
                    call.run();
                }
                n += 100;
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            System.out.printf("%s pass %d: %.0f calls/s%n", name, pass, rate);
        }
    }
}
