package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CliOutputTest {

    @Test
    void theLastJsonLineIsTheResultAndTheRestIsForTheLog() {
        CliOutput output = CliOutput.of("apiVersion: v1\nkind: Secret\n\n{\"revision\":3}\n\n");
        assertEquals("{\"revision\":3}", output.json());
        assertEquals(List.of("apiVersion: v1", "kind: Secret"), output.otherLines());
    }

    @Test
    void aJsonLineFollowedByTextIsNotAResult() {
        CliOutput output = CliOutput.of("{\"a\":1}\ndone\n");
        assertNull(output.json());
        assertEquals(List.of("{\"a\":1}", "done"), output.otherLines());
    }

    @Test
    void emptyOutputHasNoResult() {
        assertNull(CliOutput.of("").json());
        assertEquals(List.of(), CliOutput.of("\n\n").otherLines());
    }
}
