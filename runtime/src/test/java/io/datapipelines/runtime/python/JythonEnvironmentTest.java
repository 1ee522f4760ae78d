package io.datapipelines.runtime.python;

import static io.datapipelines.runtime.python.Refs.keys;
import static io.datapipelines.runtime.python.Refs.map;
import static io.datapipelines.runtime.python.Refs.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.errors.InterruptException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.datapipelines.runtime.step.FieldFilter;
import io.datapipelines.runtime.step.FieldTransform;
import io.datapipelines.runtime.step.RecordError;

class JythonEnvironmentTest {
    private final List<String> printed = new ArrayList<>();
    private final JythonEnvironment python = new JythonEnvironment(
            new PythonOutput((source, line) -> printed.add("out " + source + ": " + line)),
            new PythonOutput((source, line) -> printed.add("err " + source + ": " + line)));

    @AfterEach
    void close() {
        python.close();
    }

    private Object transform(String code, Object value, Map<String, Object> row) {
        return python.fieldTransform(ref(code)).apply(value, row);
    }

    private static String body(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void slashIsTrueDivision() {
        assertThat(transform(body("def transform(value, row):", "    return [3/2, 7//2, 4/2]"), null, map()))
                .isEqualTo(List.of(1.5, 3L, 2.0));
    }

    @Test
    void stringLiteralsAreUnicode() {
        assertThat(transform(body("def transform(value, row):", "    return type('x').__name__"), null, map()))
                .isEqualTo("unicode");
        assertThat(transform(body("def transform(value, row):", "    return len('h\u00e9 \u2603 \ud83d\ude00') * 10 + len(value)"),
                "\ud83d\ude00\u00e9", map())).isEqualTo(62L);
        // characters above U+00FF in the source survive compilation
        assertThat(transform(body("def transform(value, row):", "    return ['h\u00e9 \u2603 \ud83d\ude00', value == '\u2603']"),
                "\u2603", map())).isEqualTo(List.of("h\u00e9 \u2603 \ud83d\ude00", true));
    }

    @Test
    void printIsAFunctionAndGoesToTheLogNotToStandardOutput() {
        String code = body("import sys",
                "print('loaded', 1, sep='-')",
                "def transform(value, row):",
                "    print('value is', value, end='!\\n')",
                "    print('to stderr', file=sys.stderr)",
                "    sys.stdout.write('part ')",
                "    sys.stdout.write('of a line\\n')",
                "    return value");
        assertThat(transform(code, "v\u00e9", map())).isEqualTo("v\u00e9");
        assertThat(printed).containsExactly(
                "out spec.steps[1].transform: loaded-1",
                "out spec.steps[1].transform: value is v\u00e9!",
                "err spec.steps[1].transform: to stderr",
                "out spec.steps[1].transform: part of a line");
    }

    @Test
    void theStandardLibraryCanBeImported() {
        String code = body("import re, json, math, datetime, hashlib, collections",
                "def transform(value, row):",
                "    d = datetime.datetime.strptime(value, '%Y-%m-%d')",
                "    return [re.sub(r'\\d', '#', value), json.loads('{\"a\": [1]}'), math.sqrt(16),",
                "            d.isoformat(), hashlib.sha1(b'x').hexdigest()[:8], collections.Counter('aab')['a']]");
        assertThat(transform(code, "2024-05-06", map()))
                .isEqualTo(List.of("####-##-##", map("a", List.of(1L)), 4.0, "2024-05-06T00:00:00", "11f6ad8e", 2L));
    }

    @Test
    void moduleLevelCodeRunsOncePerEnvironmentAndKeepsState() {
        String code = body("print('module loaded')",
                "calls = 0",
                "def transform(value, row):",
                "    global calls",
                "    calls += 1",
                "    return calls");
        FieldTransform transform = python.fieldTransform(ref(code));
        Object last = null;
        for (int i = 0; i < 100; i++) {
            last = transform.apply(null, map());
        }
        assertThat(last).isEqualTo(100L);
        assertThat(printed).containsExactly("out spec.steps[1].transform: module loaded");

        try (JythonEnvironment other = new JythonEnvironment()) {
            assertThat(other.fieldTransform(ref(code)).apply(null, map())).isEqualTo(1L);
        }
    }

    @Test
    void twoStepsDoNotShareGlobals() {
        FieldTransform first = python.fieldTransform(ref("spec.steps[0].transform", body("x = 'first'",
                "def transform(value, row):", "    return x")));
        FieldTransform second = python.fieldTransform(ref("spec.steps[1].transform", body(
                "def transform(value, row):", "    return globals().get('x', 'unset')")));
        FieldTransform third = python.fieldTransform(ref("spec.steps[2].transform", body("x = 'third'",
                "def transform(value, row):", "    return x")));
        assertThat(second.apply(null, map())).isEqualTo("unset");
        assertThat(first.apply(null, map())).isEqualTo("first");
        assertThat(third.apply(null, map())).isEqualTo("third");
    }

    @Test
    void dictOrderIsKeptThroughATransformThatAddsAndRemovesKeys() {
        String code = body("def transform(value, row):",
                "    value['added'] = len(row)",
                "    del value['b']",
                "    value['a'] = 'changed'",
                "    return value");
        Map<String, Object> value = map("z", 1L, "b", 2L, "a", 3L, "m", 4L);
        Object result = transform(code, value, map("other", 0L, "field", value));
        assertThat(result).isEqualTo(map("z", 1L, "a", "changed", "m", 4L, "added", 2L));
        assertThat(keys(result)).containsExactly("z", "a", "m", "added");
    }

    @Test
    void theValueIsTheRowsObjectAsInDataCater() {
        Map<String, Object> nested = map("x", 1L);
        FieldFilter filter = python.fieldFilter(ref(body("def filter(value, row):", "    return value is row['field']")));
        assertThat(filter.test(nested, map("field", nested))).isTrue();
    }

    @Test
    void rowIsARealDict() {
        String code = body("def transform(value, row):",
                "    return [row.get('missing', 'default'), row.get('a'), 'a' in row, 'q' in row, list(row.keys()),",
                "            sorted(k for k, v in row.items()), len(row)]");
        assertThat(transform(code, null, map("b", 2L, "a", "x")))
                .isEqualTo(List.of("default", "x", true, false, List.of("b", "a"), List.of("a", "b"), 2L));
    }

    @Test
    void valuesComeBackWithTheirTypes() {
        String code = body("def transform(value, row):",
                "    return [value, True, 1, 2**70, 2**40, 1.0, None, u'\u2603', str(5), (1, 2), {'k': [False]}]");
        assertThat(transform(code, -1L, map())).isEqualTo(Arrays.asList(-1L, true, 1L, BigInteger.TWO.pow(70),
                1L << 40, 1.0, null, "\u2603", "5", List.of(1L, 2L), map("k", List.of(false))));
    }

    @Test
    void filterUsesTruthiness() {
        FieldFilter filter = python.fieldFilter(ref(body("def filter(value, row):", "    return value")));
        for (Object falsy : Arrays.asList(null, 0L, 0.0, "", List.of(), map(), false)) {
            assertThat(filter.test(falsy, map())).as("%s", falsy).isFalse();
        }
        for (Object truthy : Arrays.asList(1L, -0.5, "x", List.of(0L), map("a", null), true)) {
            assertThat(filter.test(truthy, map())).as("%s", truthy).isTrue();
        }
    }

    @Test
    void anErrorNamesThePythonClassAndTheDefinitionLine() {
        String code = body("def transform(value, row):", "    x = 1", "    return x / 0");
        assertThatThrownBy(() -> transform(code, null, map()))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("ZeroDivisionError"))
                .hasMessage("division by zero (at pipeline.yaml:16, in spec.steps[1].transform)");
    }

    @Test
    void anEncodingDeclarationIsAcceptedAndLinesStay() {
        String code = body("# -*- coding: utf-8 -*-", "def transform(value, row):", "    return '\u00e9\u2603' + value / 0");
        assertThatThrownBy(() -> transform(code, 1L, map()))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("ZeroDivisionError"))
                .hasMessageEndingWith("(at pipeline.yaml:16, in spec.steps[1].transform)");
        assertThat(transform(body("# -*- coding: utf-8 -*-", "def transform(value, row):", "    return '\u2603'"), 1L, map()))
                .isEqualTo("\u2603");
    }

    @Test
    void javaStackOverflowIsARecordErrorToo() {
        // with Python's recursion limit raised, the Java stack runs out first, somewhere inside Jython:
        // which Python exception comes out of that varies, but it is a record error and the task goes on
        FieldTransform transform = python.fieldTransform(ref(body("import sys", "sys.setrecursionlimit(10 ** 7)",
                "def f(n):", "    return f(n + 1) + 1", "def transform(value, row):", "    return f(0) if value else 'fine'")));
        assertThatThrownBy(() -> transform.apply(true, map()))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isNotBlank())
                .hasMessageEndingWith("in spec.steps[1].transform)");
        assertThat(transform.apply(false, map())).isEqualTo("fine");
    }

    @Test
    void keyErrorReadsAsInPython3() {
        String code = body("def transform(value, row):", "    return row['missing']");
        assertThatThrownBy(() -> transform(code, null, map()))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("KeyError"))
                .hasMessage("'missing' (at pipeline.yaml:15, in spec.steps[1].transform)");
    }

    @Test
    void theLineIsTheInnermostLineOfUserCode() {
        String code = body("import json",
                "def helper(text):",
                "    return json.loads(text)",
                "def transform(value, row):",
                "    return helper(value)");
        assertThatThrownBy(() -> transform(code, "{not json", map()))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("ValueError"))
                .hasMessageEndingWith("(at pipeline.yaml:16, in spec.steps[1].transform)");
    }

    @Test
    void userExceptionClassesAndJavaExceptionsKeepTheirNames() {
        String code = body("class BadAmount(Exception):",
                "    pass",
                "def transform(value, row):",
                "    raise BadAmount('amount is %s' % value)");
        assertThatThrownBy(() -> transform(code, -5L, map()))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("BadAmount"))
                .hasMessage("amount is -5 (at pipeline.yaml:17, in spec.steps[1].transform)");
        String java = body("from java.lang import Integer", "def transform(value, row):", "    return Integer.parseInt(value)");
        assertThatThrownBy(() -> transform(java, "x", map()))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("NumberFormatException"))
                .hasMessageContaining("For input string")
                .hasMessageEndingWith("(at pipeline.yaml:16, in spec.steps[1].transform)");
    }

    @Test
    void deepRecursionIsARecordErrorAndTheEnvironmentGoesOn() {
        FieldTransform transform = python.fieldTransform(ref(body("def f(n):", "    return f(n + 1) + 1",
                "def transform(value, row):", "    return f(0) if value else 'fine'")));
        assertThatThrownBy(() -> transform.apply(true, map()))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("RuntimeError"))
                .hasMessageContaining("maximum recursion depth")
                .hasMessageEndingWith("(at pipeline.yaml:15, in spec.steps[1].transform)");
        assertThat(transform.apply(false, map())).isEqualTo("fine");
    }

    @Test
    void aJvmErrorIsNotARecordError() {
        FieldTransform transform = python.fieldTransform(ref(body("from java.lang import OutOfMemoryError",
                "def transform(value, row):", "    raise OutOfMemoryError('simulated')")));
        assertThatThrownBy(() -> transform.apply(1L, map())).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
    }

    @Test
    void anInterruptStopsTheTaskInsteadOfFailingTheRecord() throws Exception {
        FieldTransform transform = python.fieldTransform(ref(body("import time", "def transform(value, row):",
                "    time.sleep(30)", "    return value")));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagSet = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                transform.apply(1L, map());
            } catch (Throwable t) {
                thrown.set(t);
                flagSet.set(Thread.currentThread().isInterrupted());
            }
        });
        worker.start();
        Thread.sleep(300);
        worker.interrupt();
        worker.join(10_000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptException.class);
        assertThat(flagSet).isTrue();
    }

    @Test
    void environmentsOnDifferentThreadsDoNotInterfere() throws Exception {
        String code = body("calls = []",
                "def transform(value, row):", "    calls.append(value)", "    return [len(calls), sum(calls)]");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (long seed : new long[] {1, 1000}) {
                results.add(pool.submit(() -> {
                    try (JythonEnvironment own = new JythonEnvironment()) {
                        FieldTransform transform = own.fieldTransform(ref(code));
                        Object last = null;
                        for (int i = 0; i < 2000; i++) {
                            last = transform.apply(seed, map());
                        }
                        return last;
                    }
                }));
            }
            assertThat(results.get(0).get(60, TimeUnit.SECONDS)).isEqualTo(List.of(2000L, 2000L));
            assertThat(results.get(1).get(60, TimeUnit.SECONDS)).isEqualTo(List.of(2000L, 2_000_000L));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aResultThatIsNoJsonValueIsATypeErrorSayingWhereTheFunctionIs() {
        String code = body("", "def transform(value, row):", "    return {1, 2}");
        assertThatThrownBy(() -> transform(code, null, map()))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("TypeError"))
                .hasMessage("cannot convert set to JSON (returned by transform() defined at pipeline.yaml:15, in spec.steps[1].transform)");
    }

    @Test
    void codeThatCannotRunFailsWhenTheStepIsMade() {
        assertThatThrownBy(() -> python.fieldTransform(ref(body("x = 1", "import no_such_module_here", "def transform(v, r):", "    return v"))))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("ImportError"))
                .hasMessageEndingWith("(at pipeline.yaml:15, in spec.steps[1].transform)");
        assertThatThrownBy(() -> python.fieldTransform(ref(body("def transform(v, r):", "    return v +", ""))))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("SyntaxError"))
                .hasMessageEndingWith("(at pipeline.yaml:15, in spec.steps[1].transform)");
        // Jython itself fails on a syntax error in a line with characters above U+00FF
        assertThatThrownBy(() -> python.fieldTransform(ref(body("def transform(v, r):", "    return '\u2603' +", ""))))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("SyntaxError"))
                .hasMessageStartingWith("invalid syntax")
                .hasMessageEndingWith("(at pipeline.yaml:15, in spec.steps[1].transform)");
        assertThatThrownBy(() -> python.fieldTransform(ref(body("transform = 5"))))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("TypeError"))
                .hasMessageContaining("'transform' is a int");
    }

    @Test
    void aMissingFunctionIsAKeyErrorAndAWrongArityATypeError() {
        assertThatThrownBy(() -> python.fieldTransform(ref(body("def transfrom(value, row):", "    return value"))))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("KeyError"))
                .hasMessageContaining("defines no function named 'transform'")
                .hasMessageEndingWith("(at pipeline.yaml:14, in spec.steps[1].transform)");
        assertThatThrownBy(() -> python.fieldFilter(ref(body("", "def filter(value):", "    return value"))))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("TypeError"))
                .hasMessage("filter() takes 1 positional argument but is called with 2: filter(value, row)"
                        + " (at pipeline.yaml:15, in spec.steps[1].transform)");
        // defaults and *args can take the call
        assertThat(python.fieldTransform(ref(body("def transform(value, row=None, extra=3):", "    return extra"))).apply(1L, map()))
                .isEqualTo(3L);
        assertThat(python.fieldTransform(ref(body("def transform(*args):", "    return len(args)"))).apply(1L, map()))
                .isEqualTo(2L);
    }

    @Test
    void timeInPythonIsCounted() {
        FieldTransform transform = python.fieldTransform(ref(body("import time", "def transform(value, row):",
                "    time.sleep(0.02)", "    return value")));
        long before = python.nanosInPython();
        transform.apply(1L, map());
        assertThat(python.nanosInPython() - before).isGreaterThanOrEqualTo(20_000_000L);
    }

    @Test
    void standardInputIsEmpty() {
        assertThat(transform(body("import sys", "def transform(value, row):", "    return sys.stdin.read()"), null, map()))
                .isEqualTo("");
    }

    @Test
    void aClosedEnvironmentRefusesWork() {
        FieldTransform transform = python.fieldTransform(ref(body("def transform(value, row):", "    return value")));
        python.close();
        python.close();
        assertThatThrownBy(() -> transform.apply(1L, map())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> python.recordTransform(ref("x = 1"))).isInstanceOf(IllegalStateException.class);
    }
}
