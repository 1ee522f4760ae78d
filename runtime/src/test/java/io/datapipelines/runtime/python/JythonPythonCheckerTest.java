package io.datapipelines.runtime.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import io.datapipelines.model.PythonChecker;
import io.datapipelines.model.PythonChecker.CodeProblem;

class JythonPythonCheckerTest {
    private final JythonPythonChecker checker = new JythonPythonChecker();

    private static String body(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void goodCodeHasNoProblems() {
        assertThat(checker.check(body("import re", "def transform(value, row):", "    return re.sub('a', 'b', value) + '\u2603'"),
                "transform")).isEmpty();
        assertThat(checker.check(body("def filter(record):", "    print(record, end='')", "    return 3/2 > 1"), "filter", 1)).isEmpty();
    }

    @Test
    void aSyntaxErrorOnLineThreeHasItsLineAndColumn() {
        List<CodeProblem> problems = checker.check(body("def transform(value, row):", "    x = 1", "    y = = 2", "    return x"),
                "transform");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(9);
            assertThat(p.message()).startsWith("invalid syntax");
        });
    }

    @Test
    void aPrintStatementIsASyntaxErrorThatSaysSo() {
        List<CodeProblem> problems = checker.check(body("def transform(value, row):", "    print 'x'", "    return value"), "transform");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("print(...)");
        });
    }

    @Test
    void aFileWithAnEncodingDeclarationOrAByteOrderMarkIsFine() {
        assertThat(checker.check(body("#!/usr/bin/env python", "# -*- coding: utf-8 -*-", "def transform(value, row):",
                "    return '\u2603'"), "transform")).isEmpty();
        assertThat(checker.check("\ufeff" + body("# coding=latin-1", "def transform(value, row):", "    return value"), "transform"))
                .isEmpty();
        // below line 2 it is an ordinary comment, and the line numbers stay those of the file
        assertThat(checker.check(body("# coding: utf-8", "", "def transform(value, row):", "    return value +", ""), "transform"))
                .singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
    }

    @Test
    void aSyntaxErrorOnALineWithCharactersAboveLatin1IsReported() {
        assertThat(checker.check(body("def transform(value, row):", "    return '\u2603' +", ""), "transform"))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.message()).startsWith("invalid syntax");
                });
    }

    @Test
    void compilerErrorsAreFoundToo() {
        assertThat(checker.check(body("def transform(value, row):", "    return value", "return 1"), "transform"))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.message()).contains("'return' outside function");
                });
    }

    @Test
    void aMissingFunctionIsAProblemAtTheStart() {
        assertThat(checker.check(body("def transfrom(value, row):", "    return value"), "transform"))
                .containsExactly(new CodeProblem(1, 1, "the code defines no function named 'transform'"));
        assertThat(checker.check("", "filter"))
                .containsExactly(new CodeProblem(1, 1, "the code defines no function named 'filter'"));
        // defined inside another function or a class is not at module level
        assertThat(checker.check(body("def outer():", "    def transform(v, r):", "        return v"), "transform")).hasSize(1);
        assertThat(checker.check(body("class C:", "    def transform(self, v):", "        return v"), "transform")).hasSize(1);
    }

    @Test
    void otherWaysToBindTheNameAreAccepted() {
        assertThat(checker.check(body("transform = lambda value, row: value"), "transform")).isEmpty();
        assertThat(checker.check(body("from string import upper as transform"), "transform")).isEmpty();
        assertThat(checker.check(body("class transform(object):", "    def __init__(self, v, r):", "        pass"), "transform")).isEmpty();
        assertThat(checker.check(body("try:", "    import json", "    def transform(v, r):", "        return v",
                "except ImportError:", "    transform = None"), "transform")).isEmpty();
        assertThat(checker.check(body("from os.path import *"), "transform")).isEmpty();
        assertThat(checker.check(body("def setup():", "    global transform", "    transform = len", "setup()"), "transform")).isEmpty();
    }

    @Test
    void theCheckerDoesNotRunTheCode() {
        assertThat(checker.check(body("import no_such_module_here", "raise SystemExit(1)", "def transform(v, r):", "    return v"),
                "transform")).isEmpty();
    }

    @Test
    void aFunctionThatCannotTakeTheCallIsAProblemAtItsDefinition() {
        assertThat(checker.check(body("import re", "", "def transform(record):", "    return record"), "transform", 2))
                .containsExactly(new CodeProblem(3, 1,
                        "function 'transform' takes 1 positional argument but is called with 2 (value, row)"));
        assertThat(checker.check(body("def filter(value, row):", "    return True"), "filter", 1))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("takes 2 positional arguments"));
        assertThat(checker.check(body("def transform(a, b, c):", "    return a"), "transform"))
                .singleElement().satisfies(p -> assertThat(p.message()).endsWith("called with 1 (record) or 2 (value, row)"));
        assertThat(checker.check(body("transform = lambda: 1"), "transform", 1)).hasSize(1);
        assertThat(checker.check(body("def transform():", "    return 1"), "transform")).hasSize(1);
        // what can take the call
        assertThat(checker.check(body("def transform(value, row=None):", "    return value"), "transform", 1)).isEmpty();
        assertThat(checker.check(body("def transform(value, row=None):", "    return value"), "transform", 2)).isEmpty();
        assertThat(checker.check(body("def transform(*args):", "    return 1"), "transform", 2)).isEmpty();
        assertThat(checker.check(body("def transform(record):", "    return 1"), "transform")).isEmpty();
    }

    @Test
    void theCheckerIsFoundThroughServiceLoader() {
        List<PythonChecker> found = ServiceLoader.load(PythonChecker.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(found).hasAtLeastOneElementOfType(EnginePythonChecker.class);
        PythonChecker loaded = found.stream().filter(EnginePythonChecker.class::isInstance).findFirst().orElseThrow();
        // Jython when the definition chooses it: Python 2 syntax passes there
        assertThat(loaded.check("x = 1\n", "transform", 1, io.datapipelines.model.PythonEngineKind.JYTHON)).hasSize(1);
        assertThat(loaded.check("exec 'x = 1'\ndef transform(r): return r\n", "transform", 1, io.datapipelines.model.PythonEngineKind.JYTHON)).isEmpty();
    }
}
