package io.datapipelines.runtime.python;

import static io.datapipelines.runtime.python.Refs.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.datapipelines.runtime.step.RecordError;

/**
 * The Python 3 compatibility corpus (src/test/resources/python3-corpus): realistic steps whose results
 * CPython 3.11 produced (expected.json, made by expected.py in that folder). GraalPy must give the same
 * value, or raise the same exception class, for every one.
 */
class GraalPyCompatibilityTest {
    private static final Path CORPUS = Path.of("src/test/resources/python3-corpus");
    private static GraalPyTask python;
    private static Map<String, Object> expected;

    @BeforeAll
    static void open() throws IOException {
        // generous: the first call of a step may import modules, slowly while GraalPy is interpreted
        python = new GraalPyTask(GraalPyEngine.INSTANCE, Duration.ofSeconds(60), PythonOutput.stdoutToLog(), PythonOutput.stderrToLog());
        @SuppressWarnings("unchecked")
        Map<String, Object> steps = (Map<String, Object>) ((Map<?, ?>) JsonText.read(Files.readString(CORPUS.resolve("expected.json")))).get("steps");
        expected = steps;
    }

    @AfterAll
    static void close() {
        python.close();
    }

    static Stream<String> steps() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+-.*\\.py")).sorted()
                    .map(n -> n.substring(0, n.length() - 3)).toList().stream();
        }
    }

    @Test
    void theCorpusHasAtLeastFortyStepsAllWithCPythonResults() throws IOException {
        List<String> names = steps().toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(40);
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void graalPyGivesWhatCPythonGives(String name) throws IOException {
        String code = Files.readString(CORPUS.resolve(name + ".py"), StandardCharsets.UTF_8);
        List<String> lines = code.lines().toList();
        Object value = JsonText.read(lines.get(0).substring("# value: ".length()));
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) JsonText.read(lines.get(1).substring("# row: ".length()));
        @SuppressWarnings("unchecked")
        Map<String, Object> cpython = (Map<String, Object>) expected.get(name);
        var step = python.fieldTransform(ref("spec.steps[0].fields[x].transform", code));
        if (cpython.containsKey("error")) {
            assertThatThrownBy(() -> step.apply(value, row)).isInstanceOfSatisfying(RecordError.class,
                    e -> assertThat(e.errorClass()).isEqualTo(cpython.get("error")));
        } else {
            assertThat(step.apply(value, row)).isEqualTo(cpython.get("result"));
        }
    }
}
