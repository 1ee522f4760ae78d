package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What reaches the build log from the CLI: masked, whole lines, with the last ones kept for failures. */
class SecretMaskingTest {

    @Test
    void masksEveryOccurrenceLongestSecretFirst() {
        SecretMasker masker = new SecretMasker(Set.of("s3cret", "s3cret-and-more", ""));
        assertEquals("login **** then **** and ****", masker.mask("login s3cret then s3cret-and-more and s3cret"));
        assertEquals("regex chars: ****", new SecretMasker(Set.of("a.b*c")).mask("regex chars: a.b*c"));
        assertEquals("axbbc", new SecretMasker(Set.of("a.b*c")).mask("axbbc"));
        assertEquals("$1 \\ kept", new SecretMasker(Set.of("zz")).mask("$1 \\ kept"));
    }

    @Test
    void aSecretSplitAcrossChunksIsStillMasked() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CliLogStream stream = new CliLogStream(new PrintStream(log, true, StandardCharsets.UTF_8), new SecretMasker(Set.of("hunter2")), 5);
        byte[] bytes = "pushing with password hunter2\r\ndone\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 3) { // as remoting delivers it: any chunk size
            stream.write(bytes, i, Math.min(3, bytes.length - i));
        }
        stream.close();
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals("pushing with password ****" + System.lineSeparator() + "done" + System.lineSeparator(), text);
        assertFalse(text.contains("hunter"));
    }

    @Test
    void keepsTheLastNonBlankLinesAndFlushesAnUnterminatedOne() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CliLogStream stream = new CliLogStream(new PrintStream(log, true, StandardCharsets.UTF_8), SecretMasker.NONE, 2);
        stream.write("one\ntwo\n\nthree\nfour".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("two", "three"), stream.tail());
        stream.close();
        assertEquals(List.of("three", "four"), stream.tail());
    }

    /** A secret that straddles the 64 KiB piece boundary of a long line, at every offset around it, in odd chunk sizes. */
    @Test
    void aSecretStraddlingTheSplitOfALongLineIsStillMasked() throws Exception {
        String secret = "hunter2-\u00e9t\u00e9-s3cret";
        SecretMasker masker = new SecretMasker(Set.of(secret, "short"));
        for (int before = CliLogStream.MAX_LINE - secret.length() - 3; before <= CliLogStream.MAX_LINE + 3; before++) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            CliLogStream stream = new CliLogStream(new PrintStream(log, true, StandardCharsets.UTF_8), masker, 5);
            String line = "\u00fc".repeat(before / 2) + "x".repeat(before % 2) + secret + " tail " + secret + "\n";
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            for (int i = 0, chunk = 1; i < bytes.length; i += chunk, chunk = chunk % 4093 + 7) {
                stream.write(bytes, i, Math.min(chunk, bytes.length - i));
            }
            stream.close();
            String text = log.toString(StandardCharsets.UTF_8);
            assertFalse(text.contains("hunter2"), "a piece of the secret leaked with " + before + " characters before it");
            assertFalse(text.contains("\uFFFD"), "a character was cut in two with " + before + " characters before it");
            assertEquals(line.length() - 2 * secret.length() + 2 * SecretMasker.MASK.length() - 1,
                    text.replace(System.lineSeparator(), "").length(), "nothing lost or added");
        }
    }

    @Test
    void theSafeCutNeverSplitsASecret() {
        SecretMasker masker = new SecretMasker(Set.of("abcdef"));
        assertEquals(5, masker.safeCut("0123456789")); // "56789" could begin a secret
        assertEquals(9, masker.safeCut("012abcdef")); // a whole secret ending at the end: all of it can go
        assertEquals(7, masker.safeCut("0abcdef789"), "a secret across the proposed cut moves the cut behind it");
        assertEquals(10, SecretMasker.NONE.safeCut("0123456789"));
    }

    @Test
    void anEndlessLineIsWrittenInPieces() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CliLogStream stream = new CliLogStream(new PrintStream(log, true, StandardCharsets.UTF_8), SecretMasker.NONE, 2);
        stream.write("x".repeat(CliLogStream.MAX_LINE + 10).getBytes(StandardCharsets.UTF_8));
        assertEquals(1, log.toString(StandardCharsets.UTF_8).lines().count());
        stream.close();
        assertEquals(2, log.toString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void aFailureQuotesTheCommandAndItsLastWords() {
        CliOutcome invalid = new CliOutcome("validate", 2, "", List.of("orders.yaml:13:34: spec.steps[0]: unknown transform 'hashh'"));
        assertEquals("datapipelines validate rejected its input (exit code 2):\n  orders.yaml:13:34: spec.steps[0]: unknown transform 'hashh'",
                invalid.failureMessage());
        assertEquals("datapipelines deploy failed (exit code 1)", new CliOutcome("deploy", 1, "", List.of()).failureMessage());
        assertEquals("datapipelines build stopped with exit code 137", new CliOutcome("build", 137, "", List.of()).failureMessage());
    }
}
