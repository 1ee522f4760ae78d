package io.jenkins.plugins.datapipelines;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a shadow said ({@code deploy --shadow --output json}, its {@code shadow} key; docs/shadow.md): the verdict and
 * its reasons, the thresholds it was held to, the counts and rates of its last summary, what changes for the sink's
 * consumers, and a sample of differing records when the CLI gives one. Stored with the build's deployment record
 * ({@link DeploymentAction}) and shown on its page; every text in it comes from data, and the page escapes it.
 *
 * <p>Bounded whatever the CLI printed: at most {@value #MAX_SAMPLE} sampled records and {@value #MAX_LINES} lines of
 * each list, each text at most {@value #MAX_TEXT} characters.
 */
public final class ShadowReport implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The deploy result's status when the shadow aborted the deployment (the CLI exits 1 with it). */
    public static final String ABORTED = "shadow-aborted";
    static final int MAX_SAMPLE = 20;
    static final int MAX_LINES = 50;
    static final int MAX_TEXT = 2000;
    /** The outcomes that count as changed, as the CLI counts them (ShadowSummary: changed, dropped, emitted only by NEW). */
    private static final List<String> CHANGED = List.of("changed", "dropped", "onlyInNew");

    private final boolean aborted;
    private final boolean within;
    // Plain ArrayLists and LinkedHashMaps: XStream stores the build's actions, and reads back no List.of.
    private final ArrayList<String> violations;
    private final @CheckForNull Long records;
    private final @CheckForNull String timeout;
    private final @CheckForNull Double maxChangedRate;
    private final @CheckForNull Double maxNewDeadLetterRate;
    /** Null when no summary came from the shadow. */
    private final @CheckForNull Long total;
    private final long changed;
    private final long newDeadLetters;
    private final LinkedHashMap<String, Long> counts;
    private final ArrayList<String> consumerChanges;
    private final ArrayList<Difference> sample;
    /** The revision that stayed live when the shadow aborted; null otherwise. */
    private final @CheckForNull Integer liveRevision;
    private final @CheckForNull String liveImage;

    private ShadowReport(boolean aborted, JsonNode shadow, @CheckForNull Integer liveRevision, @CheckForNull String liveImage) {
        this.aborted = aborted;
        this.within = shadow.path("within").asBoolean(false) && !aborted;
        this.violations = texts(shadow.path("violations"));
        JsonNode thresholds = shadow.path("thresholds");
        this.records = thresholds.path("records").canConvertToLong() ? thresholds.path("records").longValue() : null;
        this.timeout = thresholds.path("timeout").isTextual() ? bounded(thresholds.path("timeout").asText()) : null;
        this.maxChangedRate = thresholds.path("maxChangedRate").isNumber() ? thresholds.path("maxChangedRate").doubleValue() : null;
        this.maxNewDeadLetterRate = thresholds.path("maxNewDeadLetterRate").isNumber() ? thresholds.path("maxNewDeadLetterRate").doubleValue() : null;
        JsonNode summary = shadow.path("summary");
        JsonNode counted = summary.path("counts");
        this.counts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = counted.fields(); it.hasNext() && counts.size() < MAX_LINES; ) {
            Map.Entry<String, JsonNode> count = it.next();
            if (count.getValue().canConvertToLong()) {
                counts.put(bounded(count.getKey()), count.getValue().longValue());
            }
        }
        this.total = summary.path("total").canConvertToLong() && summary.path("total").isIntegralNumber() ? summary.path("total").longValue() : null;
        this.changed = CHANGED.stream().mapToLong(o -> counts.getOrDefault(o, 0L)).sum();
        this.newDeadLetters = counts.getOrDefault("newDeadLetter", 0L);
        this.consumerChanges = consumerChanges(summary.path("consumers"));
        this.sample = sample(summary.path("records"));
        this.liveRevision = liveRevision;
        this.liveImage = liveImage == null ? null : bounded(liveImage);
    }

    /**
     * @param result the deploy result: {@code status} {@value #ABORTED} (then its revision and image are the live
     *               revision's, which stays) or a deployed one, with the {@code shadow} key
     * @return null when the result has no {@code shadow} object (no shadow ran: no live revision to compare with)
     */
    static @CheckForNull ShadowReport of(JsonNode result) {
        JsonNode shadow = result.get("shadow");
        if (shadow == null || !shadow.isObject()) {
            return null;
        }
        boolean aborted = ABORTED.equals(result.path("status").asText());
        Integer revision = aborted && result.path("revision").canConvertToInt() && result.path("revision").isIntegralNumber()
                ? result.path("revision").intValue() : null;
        String image = aborted && result.path("image").isTextual() ? result.path("image").asText() : null;
        return new ShadowReport(aborted, shadow, revision, image);
    }

    private static ArrayList<String> texts(JsonNode list) {
        ArrayList<String> texts = new ArrayList<>();
        for (JsonNode item : list) {
            if (texts.size() == MAX_LINES) {
                break;
            }
            texts.add(bounded(item.isTextual() ? item.asText() : item.toString()));
        }
        return texts;
    }

    private static ArrayList<String> consumerChanges(JsonNode consumers) {
        ArrayList<String> changes = new ArrayList<>();
        for (String field : List.of("sinkTopic", "keyFormat", "valueFormat")) {
            JsonNode pair = consumers.path(field);
            if (pair.isObject() && !Objects.equals(pair.get("old"), pair.get("new"))) {
                changes.add(bounded(field + ": " + pair.path("old").asText() + " \u2192 " + pair.path("new").asText()));
            }
        }
        JsonNode keysChanged = consumers.path("keysChanged"); // a count of records whose key changed
        if (keysChanged.isNumber() ? keysChanged.longValue() > 0 : keysChanged.asBoolean(false)) {
            changes.add("keysChanged: " + keysChanged.asText());
        }
        for (String field : List.of("fieldsAdded", "fieldsRemoved", "typeChanges")) {
            JsonNode value = consumers.path(field); // lists of fields; typeChanges a field's old and new type
            if (value.isArray() && !value.isEmpty()) {
                changes.add(bounded(field + ": " + String.join(", ", texts(value))));
            } else if (value.isObject() && !value.isEmpty()) {
                changes.add(bounded(field + ": " + value));
            }
        }
        return changes;
    }

    private static ArrayList<Difference> sample(JsonNode records) {
        ArrayList<Difference> sample = new ArrayList<>();
        for (JsonNode record : records) {
            if (sample.size() == MAX_SAMPLE) {
                break;
            }
            if (record.isObject()) {
                sample.add(new Difference(text(record.get("input")), text(record.get("outcome")), texts(changeLines(record.path("changes"))),
                        text(record.get("old")), text(record.get("new"))));
            }
        }
        return sample;
    }

    private static JsonNode changeLines(JsonNode changes) {
        com.fasterxml.jackson.databind.node.ArrayNode lines = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (JsonNode change : changes) {
            StringBuilder line = new StringBuilder(text(change.get("path"))).append(' ').append(text(change.get("kind")));
            if (change.has("old")) {
                line.append(": ").append(text(change.get("old")));
            }
            if (change.has("new")) {
                line.append(change.has("old") ? " \u2192 " : ": ").append(text(change.get("new")));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String text(@CheckForNull JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        return bounded(node.isTextual() ? node.asText() : node.toString());
    }

    private static String bounded(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "\u2026 (" + text.length() + " characters)";
    }

    /** As the CLI writes a rate: a percentage with at most three decimals, no trailing zeros ({@code 50%}, {@code 0.1%}). */
    static String percent(double rate) {
        return new BigDecimal(rate * 100).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    /** Whether the shadow aborted the deployment (the live revision stays). */
    public boolean isAborted() {
        return aborted;
    }

    /** Whether its differences were within the thresholds (the new revision was promoted). */
    public boolean isWithin() {
        return within;
    }

    /** Why it was not within, one sentence each (the CLI's). */
    public List<String> getViolations() {
        return Collections.unmodifiableList(violations);
    }

    public @CheckForNull Long getRecords() {
        return records;
    }

    public @CheckForNull String getTimeout() {
        return timeout;
    }

    public @CheckForNull String getMaxChangedRate() {
        return maxChangedRate == null ? null : percent(maxChangedRate);
    }

    public @CheckForNull String getMaxNewDeadLetterRate() {
        return maxNewDeadLetterRate == null ? null : percent(maxNewDeadLetterRate);
    }

    /** Whether a summary came from the shadow (else it compared nothing in time). */
    public boolean isSummarized() {
        return total != null;
    }

    /** Records compared; 0 without a summary. */
    public long getTotal() {
        return total == null ? 0 : total;
    }

    /** Changed, dropped or emitted only by the new revision. */
    public long getChanged() {
        return changed;
    }

    public long getNewDeadLetters() {
        return newDeadLetters;
    }

    public String getChangedRate() {
        return percent(getTotal() == 0 ? 0 : (double) changed / getTotal());
    }

    public String getNewDeadLetterRate() {
        return percent(getTotal() == 0 ? 0 : (double) newDeadLetters / getTotal());
    }

    /** Each outcome's count, as the summary has them (unchanged, changed, dropped, onlyInNew, newDeadLetter, deadLetterFixed). */
    public Map<String, Long> getCounts() {
        return Collections.unmodifiableMap(counts);
    }

    /** What changes for the sink's consumers (topic, formats, keys, fields), one line each; empty when nothing does. */
    public List<String> getConsumerChanges() {
        return Collections.unmodifiableList(consumerChanges);
    }

    /** Sampled differing records; empty when the CLI's result carries none. */
    public List<Difference> getSample() {
        return Collections.unmodifiableList(sample);
    }

    public @CheckForNull Integer getLiveRevision() {
        return liveRevision;
    }

    public @CheckForNull String getLiveImage() {
        return liveImage;
    }

    /** For the build log, in the CLI's words: what was compared, then the verdict. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (total != null) {
            lines.add(String.format(Locale.ROOT, "shadow: %d record(s) compared: %d changed (%s), %d new dead letter(s) (%s)",
                    total, changed, getChangedRate(), newDeadLetters, getNewDeadLetterRate()));
        }
        if (within) {
            lines.add("shadow: within the thresholds (records " + records + ", maxChangedRate " + maxChangedRate
                    + ", maxNewDeadLetterRate " + maxNewDeadLetterRate + ")");
        } else {
            violations.forEach(v -> lines.add("shadow: beyond the thresholds: " + v));
        }
        return lines;
    }

    /** One sampled differing record: its input, its outcome, the field changes, and each revision's output as JSON. */
    public static final class Difference implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String input;
        private final String outcome;
        private final ArrayList<String> changes;
        private final String oldOutput;
        private final String newOutput;

        Difference(String input, String outcome, List<String> changes, String oldOutput, String newOutput) {
            this.input = input;
            this.outcome = outcome;
            this.changes = new ArrayList<>(changes);
            this.oldOutput = oldOutput;
            this.newOutput = newOutput;
        }

        public String getInput() {
            return input;
        }

        public String getOutcome() {
            return outcome;
        }

        public List<String> getChanges() {
            return Collections.unmodifiableList(changes);
        }

        public String getOldOutput() {
            return oldOutput;
        }

        public String getNewOutput() {
            return newOutput;
        }
    }
}
