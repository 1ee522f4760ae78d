package io.datapipelines.cli;

import io.datapipelines.runtime.codec.JsonCodec;
import io.datapipelines.runtime.diff.DiffReport;
import io.datapipelines.runtime.diff.DiffThresholds;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The thresholds and report options shared by {@code diff} and {@code shadow}: which differences are accepted,
 * how many differing records to list, and in which format the report is printed.
 */
final class DiffReportOptions {
    @Option(names = "--max-changed-rate", defaultValue = "0", paramLabel = "RATE",
            description = "The share (0..1) of records that may be changed, dropped or emitted only by NEW (default: ${DEFAULT-VALUE}).")
    double maxChangedRate;

    @Option(names = "--max-new-dead-letter-rate", defaultValue = "0", paramLabel = "RATE",
            description = "The share (0..1) of records that may become new dead letters (default: ${DEFAULT-VALUE}).")
    double maxNewDeadLetterRate;

    @Option(names = "--allow-sink-change", description = "Accept a new sink topic or sink key or value format.")
    boolean allowSinkChange;

    @Option(names = "--show", defaultValue = "20", paramLabel = "N", description = "List at most N differing records (default: ${DEFAULT-VALUE}).")
    int show;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    /** @throws IllegalArgumentException for a rate outside 0..1 (so the command exits 2) */
    DiffThresholds thresholds() {
        return new DiffThresholds(maxChangedRate, maxNewDeadLetterRate, allowSinkChange);
    }

    /** @throws IllegalArgumentException for a negative --show (so the command exits 2) */
    void requireShowNotNegative() {
        if (show < 0) {
            throw new IllegalArgumentException("--show cannot be negative");
        }
    }

    int show() {
        return show;
    }

    /**
     * Prints the report of OLD against NEW in the chosen format.
     *
     * @param title what the text report is headed with
     * @return {@link ExitCodes#OK} within the thresholds, else {@link ExitCodes#FAILED}
     */
    int print(DiffReport report, DiffThresholds thresholds, Revisions revisions, String title, PrintWriter out) {
        List<String> violations = thresholds.violations(report);
        if (output == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("old", revisions.oldFile.toString());
            json.put("new", revisions.newFile.toString());
            json.putAll(report.toJson(thresholds, show));
            out.println(JsonCodec.toJson(json));
        } else {
            DiffText.print(report, thresholds, violations, show, title, out);
        }
        out.flush();
        return violations.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
