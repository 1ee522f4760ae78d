package io.datapipelines.cli;

import io.datapipelines.runtime.diff.ConsumerImpact;
import io.datapipelines.runtime.diff.DiffReport;
import io.datapipelines.runtime.diff.DiffThresholds;
import io.datapipelines.runtime.diff.FieldChange;
import io.datapipelines.runtime.diff.Outcome;
import io.datapipelines.runtime.diff.RecordDiff;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human form of a {@link DiffReport}. */
final class DiffText {
    private DiffText() {
    }

    static void print(DiffReport report, DiffThresholds thresholds, List<String> violations, int show, String title, PrintWriter out) {
        out.println("diff " + title + ": " + report.total() + " record(s)");
        for (Outcome outcome : Outcome.values()) {
            out.println(String.format(Locale.ROOT, "  %-20s %6d  %s", outcome.label(), report.count(outcome), DiffThresholds.percent(report.rate(outcome))));
        }
        long differingCount = report.total() - report.count(Outcome.UNCHANGED);
        List<RecordDiff> shown = report.differing().subList(0, Math.min(show, report.differing().size()));
        if (!shown.isEmpty()) {
            out.println();
            out.println("differing records" + (differingCount > shown.size() ? " (first " + shown.size() + " of " + differingCount + ")" : "") + ":");
            for (RecordDiff diff : shown) {
                out.println("  " + diff.inputId() + ": " + diff.outcome().label() + detail(diff));
                for (FieldChange change : diff.changes()) {
                    out.println("      " + change.describe());
                }
            }
        }
        ConsumerImpact impact = report.impact();
        out.println();
        out.println("consumers of the sink:");
        out.println("  sink topic: " + (impact.sinkTopicChanged() ? impact.oldSinkTopic() + " -> " + impact.newSinkTopic() : impact.oldSinkTopic() + " (unchanged)"));
        if (impact.formatChanged()) {
            out.println("  format: key " + impact.oldKeyFormat() + ", value " + impact.oldValueFormat() + " -> key " + impact.newKeyFormat()
                    + ", value " + impact.newValueFormat());
        }
        out.println("  keys: " + (impact.keysChanged() == 0 ? "unchanged" : impact.keysChanged() + " record(s) with another key"));
        out.println("  fields added: " + list(impact.fieldsAdded()));
        out.println("  fields removed: " + list(impact.fieldsRemoved()));
        out.println("  types changed: " + (impact.typeChanges().isEmpty() ? "none" : String.join(", ",
                impact.typeChanges().entrySet().stream().map((Map.Entry<String, String> e) -> e.getKey() + " " + e.getValue()).toList())));
        out.println();
        if (violations.isEmpty()) {
            out.println("within the thresholds (max changed rate " + DiffThresholds.percent(thresholds.maxChangedRate())
                    + ", max new dead letter rate " + DiffThresholds.percent(thresholds.maxNewDeadLetterRate()) + ")");
        } else {
            out.println("beyond the thresholds:");
            violations.forEach(v -> out.println("  " + v));
        }
    }

    private static String detail(RecordDiff diff) {
        return switch (diff.outcome()) {
            case NEW_DEAD_LETTER -> " (" + diff.newOutput().failure().describe() + ")";
            case DEAD_LETTER_FIXED -> " (was " + diff.oldOutput().failure().describe() + ")";
            default -> "";
        };
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
