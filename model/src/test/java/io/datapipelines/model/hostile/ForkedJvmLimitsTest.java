package io.datapipelines.model.hostile;

import io.datapipelines.model.DefinitionLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile definitions of issue 13, parsed in a JVM of its own with a 64 MiB heap (the limit the issue
 * asks for is 256 MiB): each ends in its one-line FILE:LINE:COL problem and exit code 2, with no stack trace,
 * no OutOfMemoryError and no hang. On the code before the limits, the alias bomb ran past 90 s and 4.7 GB,
 * the recursive alias and the brackets ended in a StackOverflowError, /dev/zero in an OutOfMemoryError and a
 * FIFO blocked for ever. The timeout only stops a hang from hanging CI; it is not what is tested.
 */
class ForkedJvmLimitsTest {
    @TempDir
    Path dir;

    @Test
    void everyHostileDefinitionEndsInItsProblemInASmallHeap() throws Exception {
        List<String> files = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        Path laughs = Files.copy(HostileCorpusTest.CORPUS.resolve("billion-laughs.yaml"), dir.resolve("billion-laughs.yaml"));
        files.add(laughs.toString());
        expected.add(laughs + ":5:45: with the alias *a3 expanded, the document holds more than 100000 values (keys, scalars, mappings"
                + " and lists after alias expansion)");
        Path recursive = Files.writeString(dir.resolve("recursive.yaml"), "x: &a [*a]\n");
        files.add(recursive.toString());
        expected.add(recursive + ":1:8: the alias *a refers to a mapping or list that contains it; recursive aliases are not allowed");
        Path brackets = Files.writeString(dir.resolve("brackets.yaml"), "[".repeat(20_000));
        files.add(brackets.toString());
        expected.add(brackets + ":1:65: mappings and lists are nested more than 64 levels deep");
        Path huge = dir.resolve("huge-comment.yaml");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write(HostileDefinitionTest.HEAD.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = ("#" + "x".repeat(1023) + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 18 * 1024; i++) {
                out.write(chunk);
            }
        }
        files.add(huge.toString());
        expected.add(huge + ":1:1: is " + Files.size(huge) + " bytes; a file may be at most 1 MiB (1048576 bytes)");
        files.add("/dev/zero");
        expected.add("/dev/zero:1:1: is a character device, not a regular file");
        HostileDefinitionTest.mkfifo(dir.resolve("step.py"));
        Path fifoStep = Files.writeString(dir.resolve("fifo-step.yaml"), HostileDefinitionTest.withCodeFile("step.py"));
        files.add(fifoStep.toString());
        expected.add(fifoStep + ":14:24: spec.steps[0].transform.config.file: cannot read Python file 'step.py': it is a FIFO (named pipe),"
                + " not a regular file");
        // Within the limits: a comment of almost 1 MiB is read (in one pass; it took 2 s before).
        Path longComment = Files.writeString(dir.resolve("long-comment.yaml"), HostileDefinitionTest.HEAD
                + "#" + "x".repeat(DefinitionLimits.MAX_FILE_BYTES - 400) + "\n");
        files.add(longComment.toString());

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Xss512k", "-cp", System.getProperty("java.class.path"), ForkedParse.class.getName()));
        command.addAll(files);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the parser did not finish within 120 s (a hang); stderr so far:\n" + read(err));
        }
        assertThat(read(err).lines().toList()).as("stderr").containsExactlyElementsOf(expected);
        assertThat(read(out).lines().toList()).as("stdout").containsExactly(longComment + ": valid (p)");
        assertThat(process.exitValue()).isEqualTo(2);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
