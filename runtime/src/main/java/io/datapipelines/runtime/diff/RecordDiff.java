package io.datapipelines.runtime.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One input record compared: its outcome, the field-level changes (for {@link Outcome#CHANGED}), and what
 * each revision gave.
 */
public record RecordDiff(String inputId, Outcome outcome, List<FieldChange> changes, RevisionOutput oldOutput, RevisionOutput newOutput) {

    public RecordDiff {
        changes = List.copyOf(changes);
    }

    /** Classifies what the two revisions gave for one record. */
    public static RecordDiff of(String inputId, RevisionOutput oldOutput, RevisionOutput newOutput) {
        if (oldOutput.failed() || newOutput.failed()) {
            Outcome outcome = oldOutput.failed() && newOutput.failed() ? Outcome.UNCHANGED
                    : newOutput.failed() ? Outcome.NEW_DEAD_LETTER : Outcome.DEAD_LETTER_FIXED;
            return new RecordDiff(inputId, outcome, List.of(), oldOutput, newOutput);
        }
        List<RevisionOutput.SinkRecord> before = oldOutput.sink();
        List<RevisionOutput.SinkRecord> after = newOutput.sink();
        if (!before.isEmpty() && after.isEmpty()) {
            return new RecordDiff(inputId, Outcome.DROPPED, List.of(), oldOutput, newOutput);
        }
        if (before.isEmpty() && !after.isEmpty()) {
            return new RecordDiff(inputId, Outcome.ONLY_IN_NEW, List.of(), oldOutput, newOutput);
        }
        List<FieldChange> changes = new ArrayList<>();
        boolean fanOut = before.size() > 1 || after.size() > 1;
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            String prefix = fanOut ? "[" + i + "]." : "";
            if (i >= after.size()) {
                changes.add(new FieldChange(prefix + "record", FieldChange.Kind.REMOVED, asMap(before.get(i)), null));
            } else if (i >= before.size()) {
                changes.add(new FieldChange(prefix + "record", FieldChange.Kind.ADDED, null, asMap(after.get(i))));
            } else {
                RevisionOutput.SinkRecord o = before.get(i);
                RevisionOutput.SinkRecord n = after.get(i);
                changes.addAll(ValueDiff.between(o.key(), n.key(), prefix + "key"));
                changes.addAll(ValueDiff.between(o.value(), n.value(), prefix + "value"));
                changes.addAll(ValueDiff.between(o.headers(), n.headers(), prefix + "headers"));
            }
        }
        return new RecordDiff(inputId, changes.isEmpty() ? Outcome.UNCHANGED : Outcome.CHANGED, changes, oldOutput, newOutput);
    }

    private static Map<String, Object> asMap(RevisionOutput.SinkRecord record) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("key", record.key());
        map.put("value", record.value());
        return map;
    }
}
