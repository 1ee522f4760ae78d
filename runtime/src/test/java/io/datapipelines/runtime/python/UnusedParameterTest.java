package io.datapipelines.runtime.python;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.datapipelines.runtime.python.Refs.ref;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row is left out only when nothing in the code could see it: the analysis must say "unused" for plain
 * functions that ignore it, and never for code that reads it, by name or by reflection.
 */
class UnusedParameterTest {
    private final List<String> printed = new ArrayList<>();
    private final JythonEnvironment python = new JythonEnvironment(
            new PythonOutput((source, line) -> printed.add(line)), new PythonOutput((source, line) -> printed.add(line)));

    @AfterEach
    void close() {
        python.close();
    }

    private static Integer analyse(String code) {
        return UnusedParameter.lineOfDefinitionIgnoring(PythonSource.parse(code, "<test>"), "transform", 1).orElse(null);
    }

    @Test
    void findsAFunctionThatIgnoresItsRow() {
        assertThat(analyse("def transform(value, row):\n    return value.upper()\n")).isEqualTo(1);
        assertThat(analyse("import re\nPATTERN = re.compile('x')\n\ndef transform(v, r=None):\n    return PATTERN.sub('', v)\n")).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "def transform(value, row):\n    return value + row['x']\n",
        "def transform(value, row):\n    f = lambda: row\n    return f()\n",
        "def transform(value, row):\n    return locals()['row']\n",
        "def transform(value, row):\n    return vars()\n",
        "def transform(value, row):\n    return eval('r' + 'ow')\n",
        "def transform(value, row):\n    exec 'x = 1'\n    return value\n",
        "import sys\ndef transform(value, row):\n    return sys._getframe().f_locals\n",
        "from sys import _getframe\ndef transform(value, row):\n    return _getframe()\n",
        "import inspect\ndef transform(value, row):\n    return inspect.currentframe()\n",
        "from inspect import currentframe\ndef transform(value, row):\n    return currentframe()\n",
        "import sys\ndef transform(value, row):\n    try:\n        1/0\n    except Exception:\n        return sys.exc_info()[2].tb_frame\n",
        "def deco(f):\n    return f\n@deco\ndef transform(value, row):\n    return value\n",
        "def transform(value, row):\n    return value\ndef transform(value, row):\n    return row\n",
        "def transform(value, row):\n    return value\ntransform = lambda value, row: row\n",
        "def transform(value, *rest):\n    return value\n",
        "def transform(value, row):\n    return value\ndef other():\n    global transform\n    transform = None\n",
        "row = 1\ndef transform(value, row):\n    return value\n",
        "from os.path import *\ndef transform(value, row):\n    return value\n",
        "def transform(value, row):\n    return getattr(value, 'upper')()\n",
        "def transform(value):\n    return value\n",
        "transform = len\n",
    })
    void neverCallsARowUnusedWhenCodeCouldReachIt(String code) {
        assertThat(analyse(code)).isNull();
    }

    @Test
    void aFunctionThatReadsItsRowThroughLocalsStillSeesIt() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", "ada");
        row.put("country", "DE");
        Object result = python.fieldTransform(ref("def transform(value, row):\n    return locals()['row']['country'] + value\n"))
                .apply("!", row);
        assertThat(result).isEqualTo("DE!");
    }

    @Test
    void aFunctionThatIgnoresItsRowGivesTheSameResults() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", "ada");
        row.put("tags", new ArrayList<>(List.of("x")));
        assertThat(python.fieldTransform(ref("def transform(value, row):\n    return value.upper()\n")).apply("ada", row)).isEqualTo("ADA");
        // a container value changed in place still comes back changed
        assertThat(python.fieldTransform(ref("def transform(value, row):\n    value.append('y')\n    return value\n"))
                .apply(row.get("tags"), row)).isEqualTo(List.of("x", "y"));
        assertThat(python.fieldFilter(ref("def filter(value, row):\n    return value == 'ada'\n")).test("ada", row)).isTrue();
    }
}
