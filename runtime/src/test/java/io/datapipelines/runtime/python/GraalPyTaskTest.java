package io.datapipelines.runtime.python;

import static io.datapipelines.runtime.python.Refs.map;
import static io.datapipelines.runtime.python.Refs.record;
import static io.datapipelines.runtime.python.Refs.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.datapipelines.runtime.step.PipelineRecord;
import io.datapipelines.runtime.step.RecordError;

/**
 * GraalPy: Python 3 values, errors, the sandbox, the time limit and code that tries to end the process.
 * One task (one context on the process's shared engine) serves the whole class: a context costs seconds.
 */
class GraalPyTaskTest {
    private static final List<String> PRINTED = new ArrayList<>();
    private static GraalPyTask python;

    @BeforeAll
    static void open() {
        python = new GraalPyTask(GraalPyEngine.INSTANCE, Duration.ofSeconds(20),
                new PythonOutput((source, line) -> PRINTED.add("out " + source + ": " + line)),
                new PythonOutput((source, line) -> PRINTED.add("err " + source + ": " + line)));
    }

    @AfterAll
    static void close() {
        python.close();
    }

    private static Object transform(String code, Object value, Map<String, Object> row) {
        return python.fieldTransform(ref(code)).apply(value, row);
    }

    private static String body(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void rowIsARealDictInItsOrder() {
        Map<String, Object> row = map("b", 1L, "a", List.of(1L, 2L), "c", map("x", null));
        assertThat(transform(body("import json",
                "def transform(value, row):",
                "    assert isinstance(row, dict) and type(row) is dict",
                "    row['added'] = True",
                "    return [json.dumps(row), list({**row, 'z': 0}), len(row)]"), null, row))
                .isEqualTo(List.of("{\"b\": 1, \"a\": [1, 2], \"c\": {\"x\": null}, \"added\": true}", List.of("b", "a", "c", "added", "z"), 4L));
        assertThat(row).doesNotContainKey("added"); // the step's changes stay in Python: the result is what counts
    }

    @Test
    void aFlatRowOrRecordValueIsARealDictWithRealNones() {
        // a flat map (every value a string, number, boolean or null) crosses as the call's trailing arguments
        String check = "    assert type(d) is dict, type(d)\n"
                + "    assert d['n'] is None and type(d['n']) is type(None) and isinstance(d['b'], bool) and type(d['f']) is float\n"
                + "    assert type(d['i']) is int and type(d['s']) is str\n"
                + "    d['added'] = [d['n'], d['i'] + 1]\n";
        Map<String, Object> flat = map("s", "x\u00e9", "n", null, "i", 41L, "f", 2.5, "b", true);
        assertThat(transform(body("import json", "def transform(value, row):", "    d = row", check, "    return json.dumps(row, ensure_ascii=False)"), "x\u00e9", flat))
                .isEqualTo("{\"s\": \"x\u00e9\", \"n\": null, \"i\": 41, \"f\": 2.5, \"b\": true, \"added\": [null, 42]}");
        var transform = python.recordTransform(ref(body("def transform(record):", "    d = record['value']", check,
                "    assert record['metadata']['headers'] in ({'source': 'web'}, {}), record['metadata']['headers']", "    return record")));
        assertThat(transform.apply(record("k", flat)).get(0).value())
                .isEqualTo(map("s", "x\u00e9", "n", null, "i", 41L, "f", 2.5, "b", true, "added", java.util.Arrays.asList(null, 42L)));
        assertThat(transform.apply(record("k", flat)).get(0).headers()).isEqualTo(Map.of("source", "web"));
        assertThat(transform.apply(record("k", flat).with("k", flat, Map.of())).get(0).headers()).isEmpty();
        assertThat(flat).doesNotContainKey("added");
    }

    @Test
    void valuesConvertAsJsonHoldsThem() {
        BigInteger big = new BigInteger("123456789012345678901234567890");
        assertThat(transform(body("def transform(value, row):", "    return [value * 2, 3.0, 2 ** 70, (1, 'a'), None, True, 0.1 + 0.2]"),
                big, null)).isEqualTo(java.util.Arrays.asList(big.multiply(BigInteger.TWO), 3.0, BigInteger.TWO.pow(70), List.of(1L, "a"), null, true, 0.30000000000000004));
        assertThat(transform(body("def transform(value, row):", "    return value / 2"), 3L, null)).isEqualTo(1.5);
        assertThat(transform(body("def transform(value, row):", "    return round(2.5), round(3.5), isinstance(value, str)"), "x", null))
                .isEqualTo(List.of(2L, 4L, true));
        assertThat(transform(body("def transform(value, row):", "    return value + '\u00e9\ud83d\ude00'"), "h\u2603", null))
                .isEqualTo("h\u2603\u00e9\ud83d\ude00");
    }

    @Test
    void resultsKeepTheirTypesWhicheverEncoderWritesThem() {
        // dicts, lists, str, int, float, bool and None: the harness's encoder; a tuple, a dict subclass, an IntEnum:
        // json.dumps; both inside one result
        Object result = transform(body("import collections, enum",
                "class Level(enum.IntEnum):",
                "    HIGH = 3",
                "def transform(value, row):",
                "    return {'f': 3.0, 'n': None, 'b': False, 'big': 2 ** 64, 's': 'q\"\\\\' + chr(0x2028) + chr(0xe9) + chr(0x1f600) + chr(0),",
                "            'nested': [[1, [2.5]], {'k': []}], 'tuple': (1, 'a'), 'ordered': collections.OrderedDict(z=1, a=2),",
                "            'level': Level.HIGH, 'row': row}"), null, Refs.map("list", List.of("d", "x"), "map", Refs.map("d", 1L)));
        assertThat(result).isEqualTo(Refs.map("f", 3.0, "n", null, "b", false, "big", BigInteger.TWO.pow(64),
                "s", "q\"\\\u2028\u00e9\ud83d\ude00\u0000", "nested", List.of(List.of(1L, List.of(2.5)), Refs.map("k", List.of())),
                "tuple", List.of(1L, "a"), "ordered", Refs.map("z", 1L, "a", 2L), "level", 3L,
                // a list whose first item is "d" stays a list, a map with the key "d" a dict
                "row", Refs.map("list", List.of("d", "x"), "map", Refs.map("d", 1L))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "return {1, 2}                | TypeError  | cannot convert set to JSON",
            "return {1: 'a'}              | TypeError  | key of type int (1) to JSON: keys must be strings",
            "return b'x'                  | TypeError  | cannot convert bytes to JSON",
            "return object()              | TypeError  | cannot convert object to JSON",
            // found deep inside what the harness's own encoder writes: said as json.dumps says it
            "return {'a': [1, {2: 'x'}]}  | TypeError  | key of type int (2) to JSON: keys must be strings",
            "return {'a': [{'b': {1}}]}   | TypeError  | cannot convert set to JSON",
            "x = []; x.append(x); return x | ValueError | circular reference detected (or nesting deeper than 1000 levels)",
            // what a record value may hold (JsonLimits), so no pipeline writes what the next one refuses
            "return 10 ** 1500            | ValueError | the value Python returned holds a number of more than 1000 digits, the limit for record values",
    })
    void whatJsonCannotHoldIsARecordError(String statement, String errorClass, String message) {
        assertThatThrownBy(() -> transform(body("def transform(value, row):", "    " + statement), null, null))
                .isInstanceOfSatisfying(RecordError.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(errorClass);
                    assertThat(e.getMessage()).contains(message).endsWith("(returned by transform() defined at pipeline.yaml:14, in spec.steps[1].transform)");
                });
    }

    @Test
    void errorsNameTheClassAndTheDefinitionLine() {
        assertThatThrownBy(() -> transform(body("def transform(value, row):", "    x = 1", "    return x / 0"), null, null))
                .isInstanceOfSatisfying(RecordError.class, e -> {
                    assertThat(e.errorClass()).isEqualTo("ZeroDivisionError");
                    assertThat(e.getMessage()).isEqualTo("division by zero (at pipeline.yaml:16, in spec.steps[1].transform)");
                });
        assertThatThrownBy(() -> transform(body("def transform(value, row):", "    return row['missing']"), null, map("a", 1L)))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e).hasMessage("'missing' (at pipeline.yaml:15, in spec.steps[1].transform)"));
    }

    @Test
    void codeThatCannotLoadFailsWhenTheStepIsMade() {
        assertThatThrownBy(() -> python.fieldTransform(ref(body("import json", "raise ValueError('no config')", "def transform(v, r): return v"))))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass() + ": " + e.getMessage())
                        .isEqualTo("ValueError: no config (at pipeline.yaml:15, in spec.steps[1].transform)"));
        assertThatThrownBy(() -> python.fieldTransform(ref(body("def transfrom(value, row):", "    return value"))))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass() + ": " + e.getMessage()).isEqualTo(
                        "KeyError: 'transform': the code defines no function named 'transform', called as transform(value, row) (at pipeline.yaml:14, in spec.steps[1].transform)"));
        assertThatThrownBy(() -> python.fieldTransform(ref(body("def transform(value, row):", "    return value +"))))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("SyntaxError"));
    }

    @Test
    void recordTransformsDropFanOutAndChangeHeaders() {
        PipelineRecord in = record("k", map("n", 2L));
        var fanOut = python.recordTransform(ref(body("def transform(record):",
                "    record['metadata']['headers']['seen'] = record['metadata']['topic'] + str(record['metadata']['offset'])",
                "    return [record, {'key': None, 'value': record['value']['n'] * 10}]")));
        List<PipelineRecord> out = fanOut.apply(in);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).headers()).containsEntry("seen", "orders42").containsEntry("source", "web");
        assertThat(out.get(1).value()).isEqualTo(20L);
        assertThat(out.get(1).headers()).containsEntry("source", "web");
        assertThat(python.recordTransform(ref(body("def transform(record):", "    return None"))).apply(in)).isEmpty();
        assertThat(python.recordFilter(ref(body("def filter(record):", "    return record['value']['n'] > 1"))).test(in)).isTrue();
        assertThatThrownBy(() -> python.recordTransform(ref(body("def transform(record):", "    record['metadata']['offset'] = 1", "    return record"))).apply(in))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.getMessage())
                        .startsWith("transform() returned a record dict with metadata.offset = 1, but the record's offset is 42 and cannot be changed"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "read a file            | open('/etc/passwd').read()                                   | PermissionError",
            "read the environment   | open('/proc/self/environ').read()                            | PermissionError",
            "write a file           | open('/tmp/x', 'w')                                          | PermissionError",
            "list a folder          | __import__('os').listdir('/')                                | PermissionError",
            "run a command          | __import__('os').system('true')                              | ",
            "fork                   | __import__('os').fork()                                      | AttributeError",
            "start a process        | __import__('subprocess').run(['true'])                       | ",
            "native code            | __import__('ctypes').CDLL(None)                              | ",
            "start a thread         | __import__('threading').Thread(target=print).start()         | ",
            "open a socket          | __import__('socket').create_connection(('127.0.0.1', 9))     | ",
            "look up a Java class   | __import__('java').type('java.lang.System')                  | KeyError",
            "read a zoneinfo escape | open('/usr/share/zoneinfo/../../../etc/passwd').read()       | PermissionError",
    })
    void theSandboxRefuses(String what, String statement, String errorClass) {
        assertThatThrownBy(() -> transform(body("def transform(value, row):", "    return " + statement), null, null))
                .isInstanceOfSatisfying(RecordError.class, e -> {
                    assertThat(e.errorClass()).as(e.getMessage()).isIn(errorClass == null ? "PermissionError" : errorClass, "ImportError", "ModuleNotFoundError");
                    assertThat(e.getMessage()).matches("(?s).*(not allowed|denied|not permitted|cannot import|No module|no attribute).*").contains("in spec.steps[1].transform)");
                });
    }

    @Test
    void noEnvironmentButTheTimeZoneDatabase() {
        assertThat(transform(body("import os", "def transform(value, row):", "    return sorted(k for k in os.environ if not k.startswith('UNSAFE_PYO3'))"),
                null, null)).isEqualTo(List.of("PYTHONTZPATH"));
        assertThat(transform(body("from datetime import datetime", "from zoneinfo import ZoneInfo",
                "def transform(value, row):", "    return datetime.fromisoformat(value).astimezone(ZoneInfo('Europe/Berlin')).isoformat()"),
                "2024-07-01T10:00:00+00:00", null)).isEqualTo("2024-07-01T12:00:00+02:00");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "__import__('sys').exit(3)  | sys.exit(3)",
            "__import__('os')._exit(0)  | os._exit()",
            "raise SystemExit            | sys.exit()",
    })
    void codeCannotEndTheProcess(String statement, String how) {
        assertThatThrownBy(() -> transform(body("def transform(value, row):", "    " + statement), null, null))
                .isInstanceOfSatisfying(RecordError.class, e -> {
                    assertThat(e.errorClass()).isEqualTo("SystemExit");
                    assertThat(e.getMessage()).contains(how).contains("a step cannot end a pipeline");
                });
        assertThat(transform(body("def transform(value, row):", "    return value * 2"), 21L, null)).isEqualTo(42L);
    }

    @Test
    void anEndlessLoopIsStoppedAndTheNextRecordRuns() {
        try (GraalPyTask limited = new GraalPyTask(GraalPyEngine.INSTANCE, Duration.ofMillis(300), PythonOutput.stdoutToLog(), PythonOutput.stderrToLog())) {
            var step = limited.fieldTransform(ref(body("def transform(value, row):",
                    "    while value == 'forever':", "        pass", "    return value.upper()")));
            assertThat(step.apply("first", null)).isEqualTo("FIRST"); // a step's first call has a longer limit (cold start)
            assertThatThrownBy(() -> step.apply("forever", null)).isInstanceOfSatisfying(RecordError.class, e -> {
                assertThat(e.errorClass()).isEqualTo("TimeoutError");
                assertThat(e.getMessage()).isEqualTo("the code ran longer than its time limit of 300ms and was stopped (at pipeline.yaml:14, in spec.steps[1].transform)");
            });
            assertThat(step.apply("next", null)).isEqualTo("NEXT");
            assertThatThrownBy(() -> step.apply("forever", null)).isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("TimeoutError"));
            assertThat(step.apply("again", null)).isEqualTo("AGAIN");
        }
    }

    @Test
    void printGoesToTheLogNamingTheStep() {
        transform(body("def transform(value, row):", "    print('hello', value)", "    return value"), "w\u00e9", null);
        assertThat(PRINTED).contains("out spec.steps[1].transform: hello w\u00e9");
    }

    @Test
    void anUnusedRowIsNotBuilt() {
        // the row holds what JSON cannot carry: converting it would fail, so passing means it was never converted
        Map<String, Object> row = map("odd", new Object());
        assertThat(transform(body("def transform(value, row):", "    return value + 1"), 1L, row)).isEqualTo(2L);
        assertThatThrownBy(() -> transform(body("def transform(value, row):", "    return len(row)"), 1L, row)).isInstanceOf(RecordError.class);
    }

    @Test
    void aRowReadOnlyByConstantKeysIsBuiltWithThoseKeysOnly() {
        // "odd" holds what JSON cannot carry: converting it would fail, so passing means it was left out
        Map<String, Object> row = map("a", 1L, "b", "x", "odd", new Object(), "nested", map("n", List.of(1L)));
        String reads = body("def transform(value, row):",
                "    row['c'] = row['a'] + 1",
                "    row['a'] += 10",
                "    return [row['a'], row['c'], row.get('b'), row.get('zz', 5), 'b' in row, 'zz' not in row, row['nested']['n']]");
        assertThat(transform(reads, null, row)).isEqualTo(List.of(11L, 2L, "x", 5L, true, true, List.of(1L)));
        assertThatThrownBy(() -> transform(body("def transform(value, row):", "    return row['zz']"), null, row))
                .isInstanceOf(RecordError.class).hasMessageStartingWith("'zz'");
        // a field value that is the row's own entry stays that very object when the function can name it
        Map<String, Object> nested = map("n", 1L);
        assertThat(transform(body("def transform(value, row):", "    return value is row['nested']"), nested,
                map("nested", nested, "odd", new Object()))).isEqualTo(true);
        assertThat(transform(body("def transform(value, row):", "    return [value, row.get('a')]"), nested,
                map("nested", nested, "a", 1L, "odd", new Object()))).isEqualTo(List.of(map("n", 1L), 1L));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, quoteCharacter = '"', value = {
            "    k = 'a'|    return row[k]",
            "    pass|    return len(row)",
            "    pass|    return sorted(row)",
            "    pass|    return row.get('a', row)",
            "    r = row|    return r['a']",
            "    pass|    return (lambda row: row)({'a': 1})['a']",
            "    pass|    return eval('row')['a']",
            "    pass|    return row.keys() and row['a']"})
    void anyOtherUseOfTheRowGetsTheWholeRow(String first, String second) {
        // the whole row holds what JSON cannot carry: converting it fails, which shows it was built
        Map<String, Object> row = map("a", 1L, "odd", new Object());
        assertThatThrownBy(() -> transform(body("def transform(value, row):", first, second), null, row))
                .isInstanceOf(RecordError.class).hasMessageContaining("cannot pass the value to Python");
    }
}
