package io.datapipelines.runtime.python;

import static io.datapipelines.runtime.python.Refs.keys;
import static io.datapipelines.runtime.python.Refs.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.python.core.Py;
import org.python.core.PyBoolean;
import org.python.core.PyDictionary;
import org.python.core.PyFloat;
import org.python.core.PyInteger;
import org.python.core.PyList;
import org.python.core.PyLong;
import org.python.core.PyObject;
import org.python.core.PySet;
import org.python.core.PyString;
import org.python.core.PyTuple;
import org.python.core.PyUnicode;

import io.datapipelines.runtime.step.RecordError;

class PythonValuesTest {

    @Test
    void scalarsToPython() {
        assertThat(PythonValues.toPython(null)).isSameAs(Py.None);
        assertThat(PythonValues.toPython(true)).isSameAs(Py.True);
        assertThat(PythonValues.toPython(false)).isSameAs(Py.False);
        assertThat(PythonValues.toPython(42L)).isExactlyInstanceOf(PyInteger.class).hasToString("42");
        assertThat(PythonValues.toPython(-3_000_000_000L)).isExactlyInstanceOf(PyLong.class).hasToString("-3000000000L");
        assertThat(PythonValues.toPython(Long.MAX_VALUE)).isExactlyInstanceOf(PyLong.class).hasToString("9223372036854775807L");
        assertThat(PythonValues.toPython(new BigInteger("123456789012345678901234567890")))
                .isExactlyInstanceOf(PyLong.class).hasToString("123456789012345678901234567890L");
        assertThat(PythonValues.toPython(BigInteger.TEN)).isExactlyInstanceOf(PyInteger.class).hasToString("10");
        assertThat(PythonValues.toPython(1.5)).isExactlyInstanceOf(PyFloat.class);
        assertThat(((PyFloat) PythonValues.toPython(1.5)).getValue()).isEqualTo(1.5);
        PyObject text = PythonValues.toPython("h\u00e9 \u2603 \ud83d\ude00");
        assertThat(text).isExactlyInstanceOf(PyUnicode.class);
        assertThat(((PyUnicode) text).getString()).isEqualTo("h\u00e9 \u2603 \ud83d\ude00");
        assertThat(text.__len__()).isEqualTo(6); // code points, not UTF-16 units
    }

    @Test
    void containersToPython() {
        PyObject list = PythonValues.toPython(Arrays.asList(1L, "a", null, List.of(2.0)));
        assertThat(list).isExactlyInstanceOf(PyList.class);
        assertThat(list.__len__()).isEqualTo(4);
        assertThat(list.__getitem__(1)).isEqualTo(new PyUnicode("a"));
        assertThat(list.__getitem__(2)).isSameAs(Py.None);

        PyObject dict = PythonValues.toPython(map("z", 1L, "a", map("inner", true), "m", "x"));
        assertThat(dict).isExactlyInstanceOf(PyDictionary.class);
        assertThat(dict.__getitem__(new PyUnicode("a")).__getitem__(new PyUnicode("inner"))).isSameAs(Py.True);
        // a str key finds a unicode key, as in Python
        assertThat(dict.__finditem__(new PyString("m"))).isEqualTo(new PyUnicode("x"));
        assertThat(dict.invoke("keys").toString()).isEqualTo("[u'z', u'a', u'm']");
    }

    @Test
    void unknownJavaTypeIsATypeError() {
        assertThatThrownBy(() -> PythonValues.toPython(new Object()))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("TypeError"))
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void scalarsToJava() {
        assertThat(PythonValues.toJava(Py.None)).isNull();
        // bool is a subclass of int: it must stay a Boolean
        assertThat(PythonValues.toJava(Py.True)).isEqualTo(Boolean.TRUE);
        assertThat(PythonValues.toJava(Py.False)).isEqualTo(Boolean.FALSE);
        assertThat(PythonValues.toJava(Py.newInteger(7))).isEqualTo(7L);
        assertThat(PythonValues.toJava(new PyLong(5))).isEqualTo(5L);
        assertThat(PythonValues.toJava(new PyLong(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
        BigInteger big = BigInteger.TWO.pow(64);
        assertThat(PythonValues.toJava(new PyLong(big))).isEqualTo(big);
        assertThat(PythonValues.toJava(new PyFloat(2.0))).isEqualTo(2.0);
        assertThat(PythonValues.toJava(new PyUnicode("\u2603"))).isEqualTo("\u2603");
        assertThat(PythonValues.toJava(new PyString("plain"))).isEqualTo("plain");
        // UTF-8 bytes, as "é".encode("utf-8") makes them
        assertThat(PythonValues.toJava(new PyString("\u00c3\u00a9"))).isEqualTo("\u00e9");
    }

    @Test
    void containersToJava() {
        PyList list = new PyList(new PyObject[] {Py.newInteger(1), Py.True, new PyTuple(new PyUnicode("a"), Py.None)});
        assertThat(PythonValues.toJava(list)).isEqualTo(Arrays.asList(1L, true, Arrays.asList("a", null)));
        assertThat(PythonValues.toJava(list)).isInstanceOf(ArrayList.class);

        PyDictionary nested = PythonValues.newDict(2);
        nested.__setitem__(new PyUnicode("n"), new PyFloat(0.5));
        PyDictionary dict = PythonValues.newDict(3);
        dict.__setitem__(new PyUnicode("b"), nested);
        dict.__setitem__(new PyString("a"), new PyList());
        Object java = PythonValues.toJava(dict);
        assertThat(java).isEqualTo(map("b", map("n", 0.5), "a", List.of()));
        assertThat(keys(java)).containsExactly("b", "a");
    }

    @Test
    void roundTripKeepsEveryTypeAndTheOrder() {
        Map<String, Object> value = map("zeta", 1L, "alpha", "\u00fcnicode", "big", new BigInteger("99999999999999999999"),
                "long", 5_000_000_000L, "float", 1.25, "bool", false, "null", null,
                "list", Arrays.asList(map("x", List.of()), 3L), "nested", map("c", map("b", map("a", true))));
        Object back = PythonValues.toJava(PythonValues.toPython(value));
        assertThat(back).isEqualTo(value);
        assertThat(keys(back)).containsExactlyElementsOf(value.keySet());
    }

    @Test
    void whatIsNoJsonValueIsATypeErrorNamingItsType() {
        assertThatThrownBy(() -> PythonValues.toJava(new PySet()))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("TypeError"))
                .hasMessage("cannot convert set to JSON");
        PyDictionary intKeys = PythonValues.newDict(1);
        intKeys.__setitem__(Py.newInteger(1), Py.None);
        assertThatThrownBy(() -> PythonValues.toJava(intKeys))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("TypeError"))
                .hasMessageContaining("keys must be strings");
        assertThatThrownBy(() -> PythonValues.toJava(new PyString("\u00ff\u00fe")))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("TypeError"))
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void aCircularListIsAValueErrorNotAStackOverflow() {
        PyList list = new PyList();
        list.append(list);
        assertThatThrownBy(() -> PythonValues.toJava(list))
                .isInstanceOfSatisfying(RecordError.class, e -> assertThat(e.errorClass()).isEqualTo("ValueError"))
                .hasMessageContaining("circular");
    }

    @Test
    void pythonDictsAreRealDictsThatKeepInsertionOrder() {
        PyDictionary dict = PythonValues.toPythonDict(map("c", 1L, "a", 2L));
        dict.__setitem__(new PyUnicode("b"), Py.newInteger(3));
        dict.__delitem__(new PyUnicode("c"));
        dict.__setitem__(new PyUnicode("c"), Py.newInteger(4));
        assertThat(dict.invoke("keys").toString()).isEqualTo("[u'a', u'b', u'c']");
        assertThat(dict.invoke("get", new PyUnicode("zz"), Py.newInteger(9))).isEqualTo(Py.newInteger(9));
        assertThat(dict.__contains__(new PyUnicode("a"))).isTrue();
        assertThat(PythonValues.toJava(dict)).isEqualTo(map("a", 2L, "b", 3L, "c", 4L));
        assertThat(keys(PythonValues.toJava(dict))).containsExactly("a", "b", "c");
        assertThat(PythonValues.toPython(true)).isInstanceOf(PyBoolean.class);
    }
}
