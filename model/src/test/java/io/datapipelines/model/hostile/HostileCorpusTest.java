package io.datapipelines.model.hostile;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.InvalidDefinitionException;
import io.datapipelines.model.Problem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every definition in src/test/resources/hostile/ is refused with exactly the problems
 * {@code expected.txt} lists for it ({@code FILE: LINE:COL: [PATH: ]message}, one per line, in the order
 * reported): the corpus of malicious and broken definitions, with their messages, run in CI.
 */
class HostileCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/hostile");

    @TestFactory
    Stream<DynamicTest> everyHostileDefinitionGetsExactlyItsMessages() throws IOException {
        Map<String, List<String>> expected = expected();
        return expected.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path file = CORPUS.resolve(e.getKey());
            assertThatThrownBy(() -> new DefinitionParser(null).parse(file))
                    .isInstanceOfSatisfying(InvalidDefinitionException.class, ex -> assertThat(
                            ex.problems().stream().map(p -> withoutDirectory(p, file)).toList())
                            .as("problems reported for %s", file)
                            .containsExactlyElementsOf(e.getValue()));
        }));
    }

    @Test
    void everyFileOfTheCorpusHasItsExpectedMessages() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = list.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("expected.txt")).sorted().toList();
        }
        assertThat(expected().keySet()).containsExactlyInAnyOrderElementsOf(files);
    }

    /** "FILE: rest" lines of expected.txt, grouped by file in order. */
    static Map<String, List<String>> expected() throws IOException {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            expected.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 2));
        }
        return expected;
    }

    /** The problem as printed, without the directory part of its file name: "name.yaml:7:8: message". */
    private static String withoutDirectory(Problem problem, Path file) {
        String text = problem.toString();
        String prefix = file.toString();
        return text.startsWith(prefix) ? file.getFileName() + text.substring(prefix.length()) : text;
    }
}
