package io.datapipelines.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate} on the model's corpus of hostile definitions (model/src/test/resources/hostile, with the
 * messages expected.txt lists): exit code 2, exactly those lines on stderr, no stack trace.
 */
class HostileDefinitionsCliTest {
    private static final Path CORPUS = Path.of("../model/src/test/resources/hostile");

    @Test
    void everyHostileDefinitionIsExitTwoWithItsOneLineProblems() throws IOException {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int colon = line.indexOf(": ");
                expected.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 2));
            }
        }
        assertThat(expected).hasSizeGreaterThan(20);
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            Path file = CORPUS.resolve(e.getKey());
            CliTest.Run run = CliTest.run("validate", file.toString());
            assertThat(run.exitCode()).as("exit code for %s", file).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            List<String> want = e.getValue().stream()
                    .map(p -> p.startsWith(e.getKey() + ":") ? CORPUS.resolve(p).toString() : p)
                    .toList();
            assertThat(run.err().lines().toList()).as("stderr for %s", file).containsExactlyElementsOf(want);
        }
    }
}
