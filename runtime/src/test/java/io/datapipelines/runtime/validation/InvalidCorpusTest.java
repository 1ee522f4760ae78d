package io.datapipelines.runtime.validation;

import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.InvalidDefinitionException;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every file in src/test/resources/invalid/ must be rejected, by the validation users get (with the
 * runtime's Jython checker, so Python errors are in the corpus too), with the problems its trailing
 * {@code # expect: LINE:COL: PATH: message} comments name (comments at the end, so they do not move
 * the lines they talk about). Each expected line must start one of the reported problems.
 */
class InvalidCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/invalid");

    @TestFactory
    Stream<DynamicTest> everyInvalidDefinitionIsRejectedWithItsMessages() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(CORPUS)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(60);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    private static void check(Path file) throws IOException {
        List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("# expect: "))
                .map(l -> l.substring("# expect: ".length()))
                .toList();
        if (expected.isEmpty()) {
            fail(file + " has no '# expect:' line");
        }
        // A definition made only of comments must not pass for an empty-file error by accident.
        assertThatThrownBy(() -> new DefinitionParser().parse(file))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> {
                    List<String> reported = e.problems().stream()
                            .map(p -> p.toString().substring(p.location().file().length() + 1))
                            .toList();
                    for (String want : expected) {
                        assertThat(reported).as("problems reported for %s: %s", file, reported).anyMatch(r -> r.startsWith(want));
                    }
                });
    }
}
