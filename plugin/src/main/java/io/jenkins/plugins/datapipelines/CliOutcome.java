package io.jenkins.plugins.datapipelines;

import java.util.ArrayList;
import java.util.List;

/**
 * How one CLI run ended: its exit code, its standard output (where {@code --output json} puts the result) and the
 * last lines of its standard error (already in the build log; kept to say why it failed).
 */
public record CliOutcome(String command, int exitCode, String stdout, List<String> stderrTail) {

    public CliOutcome {
        stderrTail = List.copyOf(stderrTail);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * The message a failed run fails the build with: what ran, what its exit code means (0 ok, 1 failed,
     * 2 invalid input, as every datapipelines command uses them) and the CLI's own last words.
     */
    public String failureMessage() {
        String meaning = switch (exitCode) {
            case 1 -> "failed";
            case 2 -> "rejected its input";
            default -> "stopped with exit code " + exitCode;
        };
        List<String> lines = new ArrayList<>();
        lines.add("datapipelines " + command + " " + meaning + (exitCode == 1 || exitCode == 2 ? " (exit code " + exitCode + ")" : "")
                + (stderrTail.isEmpty() ? "" : ":"));
        for (String line : stderrTail) {
            lines.add("  " + line);
        }
        return String.join("\n", lines);
    }
}
