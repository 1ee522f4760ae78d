package io.datapipelines.model.hostile;

import io.datapipelines.model.DefinitionLimits;
import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.InvalidDefinitionException;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile definitions too large, too deep or too special to keep as files in the corpus: made here, each
 * refused with one problem at its place (or, when within the limits, read correctly).
 */
class HostileDefinitionTest {
    static final String HEAD = """
            apiVersion: datapipelines/v1
            kind: DataPipeline
            metadata:
              name: p
            spec:
              source:
                topic: in
              sink:
                topic: out
            """;

    static String withCodeFile(String file) {
        return HEAD + """
                  steps:
                    - kind: Record
                      transform:
                        key: user-defined-record-transformation
                        config: {file: %s}
                """.formatted(file);
    }

    @TempDir
    Path dir;

    @Test
    void aDefinitionOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        Path file = write("big.yaml", HEAD + "#" + "x".repeat(DefinitionLimits.MAX_FILE_BYTES) + "\n");
        assertThat(problems(file)).containsExactly(file + ":1:1: is " + Files.size(file)
                + " bytes; a file may be at most 1 MiB (1048576 bytes)");
    }

    @Test
    void textOverTheSizeLimitIsRefusedToo() {
        // the Jenkins form's check parses text, not a file
        String text = HEAD + "# " + "é".repeat(DefinitionLimits.MAX_FILE_BYTES / 2) + "\n";
        assertThatThrownBy(() -> new DefinitionParser(null).parse(text, "definition", null))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems()).map(Problem::toString)
                        .containsExactly("definition:1:1: is more than 1048576 bytes; a file may be at most 1 MiB (1048576 bytes)"));
    }

    @Test
    void longCommentsScalarsAndWordsWithinTheLimitAreRead() throws Exception {
        int length = DefinitionLimits.MAX_FILE_BYTES / 4;
        String description = "d".repeat(length);
        String text = HEAD.replace("  name: p\n", "  name: p\n  description: " + description + "\n"
                + "  labels: {note: \"" + "q".repeat(length - 100) + "\"}\n")
                + "#" + "c".repeat(length) + "\n";
        Path file = write("long.yaml", text);
        // the value is named in the message, shortened: a message stays one readable line
        assertThat(problems(file)).containsExactly(file + ":6:18: metadata.labels.note: '" + "q".repeat(60) + "...' (" + (length - 100)
                + " characters) is not a valid Kubernetes label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a"
                + " letter or digit");
        Path valid = write("long-valid.yaml", HEAD.replace("  name: p\n", "  name: p\n  description: " + description + "\n")
                + "#" + "c".repeat(length) + "\n");
        PipelineDefinition definition = new DefinitionParser(null).parse(valid);
        assertThat(definition.metadata().description()).isEqualTo(description);
    }

    @Test
    void twentyThousandNestedBracketsStopAtTheNestingLimit() throws IOException {
        Path file = write("brackets.yaml", "x: " + "[".repeat(20_000) + "\n");
        // the root mapping is the first level: the 64th bracket (column 67) opens the 65th
        assertThat(problems(file)).containsExactly(file + ":1:67: mappings and lists are nested more than 64 levels deep");
    }

    @Test
    void aDeviceAsTheDefinitionIsRefusedWithoutReadingIt() throws IOException {
        assertThat(problems(Path.of("/dev/zero"))).containsExactly("/dev/zero:1:1: is a character device, not a regular file");
    }

    @Test
    void aFifoAsTheDefinitionIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = mkfifo(dir.resolve("definition.yaml"));
        assertThat(problems(fifo)).containsExactly(fifo + ":1:1: is a FIFO (named pipe), not a regular file");
    }

    @Test
    void aFifoAsConfigFileIsRefusedWithoutOpeningIt() throws Exception {
        mkfifo(dir.resolve("step.py"));
        Path file = write("p.yaml", withCodeFile("step.py"));
        assertThat(problems(file)).containsExactly(file + ":14:24: spec.steps[0].transform.config.file: "
                + "cannot read Python file 'step.py': it is a FIFO (named pipe), not a regular file");
    }

    @Test
    void aConfigFileOverTheSizeLimitIsRefused() throws IOException {
        write("step.py", "#" + "x".repeat(DefinitionLimits.MAX_FILE_BYTES) + "\n");
        Path file = write("p.yaml", withCodeFile("step.py"));
        assertThat(problems(file)).containsExactly(file + ":14:24: spec.steps[0].transform.config.file: "
                + "cannot read Python file 'step.py': it is 1048578 bytes; a file may be at most 1 MiB (1048576 bytes)");
    }

    @Test
    void aSymbolicLinkLeadingOutOfTheFolderIsRefused() throws IOException {
        Path inner = Files.createDirectories(dir.resolve("pipeline"));
        Path secret = write("secret.py", "def transform(record):\n    return record\n");
        Files.createSymbolicLink(inner.resolve("step.py"), secret);
        Files.createSymbolicLink(inner.resolve("zero.py"), Path.of("/dev/zero"));
        Path file = Files.writeString(inner.resolve("p.yaml"), withCodeFile("step.py"));
        assertThat(problems(file)).containsExactly(file + ":14:24: spec.steps[0].transform.config.file: "
                + "cannot read Python file 'step.py': the path leads outside the definition's folder (through a symbolic link)");
        Files.writeString(file, withCodeFile("zero.py"));
        assertThat(problems(file)).containsExactly(file + ":14:24: spec.steps[0].transform.config.file: "
                + "cannot read Python file 'zero.py': the path leads outside the definition's folder (through a symbolic link)");
    }

    @Test
    void aSymbolicLinkWithinTheFolderAndASubfolderAreFine() throws Exception {
        Path code = Files.createDirectories(dir.resolve("code"));
        Files.writeString(code.resolve("step.py"), "def transform(record):\n    return record\n");
        Files.createSymbolicLink(dir.resolve("link.py"), code.resolve("step.py"));
        for (String path : List.of("link.py", "code/step.py", "code/../code/step.py")) {
            Path file = write("p.yaml", withCodeFile(path));
            PipelineDefinition definition = new DefinitionParser(null).parse(file);
            assertThat(definition.spec().steps().toString()).contains("return record");
        }
    }

    @Test
    void aHundredProblemsAreShownThenHowManyMore() throws IOException {
        StringBuilder text = new StringBuilder(HEAD);
        for (int i = 0; i < 150; i++) {
            text.append("  unknown").append(i).append(": 1\n");
        }
        Path file = write("many.yaml", text.toString());
        List<String> problems = problems(file);
        assertThat(problems).hasSize(101);
        assertThat(problems.get(0)).startsWith(file + ":10:3: spec.unknown0: unknown key");
        assertThat(problems.get(99)).startsWith(file + ":109:3: spec.unknown99: unknown key");
        assertThat(problems.get(100)).isEqualTo(file + ":110:3: 50 more problems from here on are not shown");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<String> problems(Path file) {
        try {
            new DefinitionParser(null).parse(file);
        } catch (InvalidDefinitionException e) {
            return e.problems().stream().map(Problem::toString).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(file + " was accepted");
    }

    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("mkfifo's exit code").isZero();
        return path;
    }
}
