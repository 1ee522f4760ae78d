package io.datapipelines.benchmarks.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.local.LocalTopology;
import io.datapipelines.runtime.topology.PipelineMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's pipelines are valid definitions and do to the benchmark's records what the report says. */
class WorkloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalTopology topology(Workload workload, String guarantee) throws Exception {
        return topology(workload, guarantee, true);
    }

    private static LocalTopology topology(Workload workload, String guarantee, boolean withEngine) throws Exception {
        String yaml = workload.definition(workload.pipelineName(), "orders", "out-1", "dlq-1", guarantee, withEngine);
        PipelineDefinition definition = new DefinitionParser().parse(yaml, "bench.yaml", null);
        return new LocalTopology(definition, PipelineMetrics.NONE);
    }

    private static JsonNode only(LocalTopology.Result result) throws Exception {
        assertThat(result.deadLetters()).isEmpty();
        assertThat(result.sink()).hasSize(1);
        return JSON.readTree(result.sink().get(0).value());
    }

    @ParameterizedTest
    @EnumSource(value = Workload.class, names = {"BUILTIN", "BUILTIN_JAVA25", "PYTHON", "PYTHON_JYTHON"})
    void theUppercaseWorkloadsUpperCaseTheCustomerAndNothingElse(Workload workload) throws Exception {
        for (String guarantee : KafkaBenchmark.GUARANTEES) {
            try (LocalTopology topology = topology(workload, guarantee)) {
                JsonNode in = JSON.readTree(OrderRecords.value(3));
                JsonNode out = only(topology.send(OrderRecords.key(3), OrderRecords.value(3), Map.of(), null));
                assertThat(out.get("customer").asText()).isEqualTo(in.get("customer").asText().toUpperCase()).isNotEqualTo(in.get("customer").asText());
                ((com.fasterxml.jackson.databind.node.ObjectNode) in).put("customer", out.get("customer").asText());
                assertThat(out).isEqualTo(in);
            }
        }
    }

    @Test
    void graalPyWorkloadsAreThoseWithPythonStepsOnTheDefaultOrNamedGraalPy() {
        assertThat(java.util.Arrays.stream(Workload.values()).filter(Workload::runsGraalPy))
                .containsExactlyInAnyOrder(Workload.PYTHON, Workload.FIVE_STEPS, Workload.PYTHON_HEAVY_GRAALPY, Workload.PYTHON_HEAVY_FIELD_GRAALPY,
                        Workload.PYTHON_HEAVY_TITLE_GRAALPY);
    }

    @ParameterizedTest
    @EnumSource(value = Workload.class, names = {"FIVE_STEPS", "FIVE_STEPS_JYTHON"})
    void theFiveStepPipelineKeepsEuOrdersAndCleansThem(Workload workload) throws Exception {
        try (LocalTopology topology = topology(workload, "exactly-once")) {
            long eu = 0;
            long nonEu = 3; // US
            assertThat(OrderRecords.fromEu(eu)).isTrue();
            assertThat(OrderRecords.fromEu(nonEu)).isFalse();
            assertThat(topology.send(OrderRecords.key(nonEu), OrderRecords.value(nonEu), Map.of(), null).sink()).isEmpty();

            JsonNode out = only(topology.send(OrderRecords.key(eu), OrderRecords.value(eu), Map.of(), null));
            assertThat(out.fieldNames()).toIterable()
                    .containsExactly("customer", "email", "country", "amount", "currency", "status", "items", "ts", "tier", "order_id");
            assertThat(out.get("customer").asText()).isEqualTo("Ada Lovelace");
            assertThat(out.get("email").asText()).hasSize(64);
            assertThat(out.get("amount").isDouble()).isTrue();
            assertThat(out.get("tier").asText()).isIn("large", "small");
            assertThat(out.get("status").asText()).isEqualTo("paid");
            assertThat(out.get("order_id").asText()).isEqualTo("o-00000000");
        }
    }

    @Test
    void theHeavierBuiltInPipelineKeepsEveryOrderAndDoesAllItsSteps() throws Exception {
        for (String guarantee : KafkaBenchmark.GUARANTEES) {
            try (LocalTopology topology = topology(Workload.BUILTIN_HEAVY, guarantee)) {
                for (long i : new long[] {0, 3, 7}) { // DE, US, GB: nothing is filtered out
                    JsonNode out = only(topology.send(OrderRecords.key(i), OrderRecords.value(i), Map.of(), null));
                    JsonNode in = JSON.readTree(OrderRecords.value(i));
                    assertThat(out.fieldNames()).toIterable()
                            .containsExactly("customer", "email", "country", "amount", "currency", "status", "items", "ts", "order_id");
                    assertThat(out.get("customer").asText()).isEqualTo(in.get("customer").asText().toUpperCase());
                    assertThat(out.get("email").asText()).hasSize(64).isNotEqualTo(in.get("email").asText());
                    assertThat(out.get("status").asText()).isEqualTo(in.get("status").asText().toLowerCase());
                    assertThat(out.get("currency").asText()).isEqualTo("ISO:EUR");
                    assertThat(out.get("amount").asDouble()).isCloseTo(Double.parseDouble(in.get("amount").asText()), org.assertj.core.data.Offset.offset(0.05));
                    assertThat(out.get("order_id").asText()).isEqualTo(in.get("id").asText());
                }
            }
        }
    }

    /**
     * Before the engine work is merged this build knows no {@code engine} key and its one engine is Jython:
     * then the same step runs without the key.
     */
    @Test
    void theHeavierPythonStepEnrichesEveryOrderUnderJython() throws Exception {
        boolean engineKnown = WorkloadProbe.whyNot(Workload.PYTHON_HEAVY_JYTHON, "exactly-once").isEmpty();
        assertHeavyPythonOutput(Workload.PYTHON_HEAVY_JYTHON, engineKnown);
    }

    /**
     * GraalPy arrives with the engine work (spec.processing.python.engine): until this build has it, the
     * harness must skip the workload with the reason rather than fail; once it has it, the output is Jython's.
     */
    @Test
    void theHeavierPythonStepUnderGraalPyRunsOrIsSkippedWithTheReason() throws Exception {
        var whyNot = WorkloadProbe.whyNot(Workload.PYTHON_HEAVY_GRAALPY, "exactly-once");
        if (whyNot.isPresent()) {
            assertThat(whyNot.get()).contains("python").doesNotContain("\n");
        } else {
            assertHeavyPythonOutput(Workload.PYTHON_HEAVY_GRAALPY, true);
        }
    }

    @Test
    void theTwoHeavyPythonDefinitionsDifferInTheEngineAndTheLabelLineOnly() {
        java.util.List<String> byEngine = differing(Workload.PYTHON_HEAVY_JYTHON, Workload.PYTHON_HEAVY_GRAALPY);
        assertThat(byEngine).hasSize(2);
        assertThat(byEngine.get(0)).isEqualTo("processing: {guarantee: exactly-once, python: {engine: graalpy}}");
        assertThat(byEngine.get(1)).startsWith("value[\"label\"] = f\"");
    }

    @ParameterizedTest
    @EnumSource(value = Workload.class, names = {"PYTHON_HEAVY_FIELD_JYTHON", "PYTHON_HEAVY_FIELD_GRAALPY", "PYTHON_HEAVY_TITLE_JYTHON",
            "PYTHON_HEAVY_TITLE_GRAALPY"})
    void theHeavierPythonFieldStepsLabelTheEmailAlikeOnBothEngines(Workload workload) throws Exception {
        boolean titled = workload.id().contains("-title-");
        try (LocalTopology topology = topology(workload, "at-least-once")) {
            for (long i : new long[] {0, 3}) {
                JsonNode in = JSON.readTree(OrderRecords.value(i));
                JsonNode out = only(topology.send(OrderRecords.key(i), OrderRecords.value(i), Map.of(), null));
                String label = out.get("email").asText();
                String customer = titled ? title(in) : in.get("customer").asText();
                assertThat(label).startsWith(sha256(in.get("email").asText()).substring(0, 16) + " " + customer + " (" + in.get("country").asText()
                        + ", " + (OrderRecords.fromEu(i) ? "EU" : "non-EU") + ") ");
                assertThat(Double.parseDouble(label.substring(label.lastIndexOf(' ') + 1))).isCloseTo(noteScore(in), org.assertj.core.data.Offset.offset(0.006));
                assertThat(out.get("customer").asText()).isEqualTo(in.get("customer").asText());
            }
        }
    }

    @Test
    void theFieldStepsDifferByEngineInTheResultLineAndTheTitledOnesByTitleOnly() {
        java.util.List<String> byEngine = differing(Workload.PYTHON_HEAVY_FIELD_JYTHON, Workload.PYTHON_HEAVY_FIELD_GRAALPY);
        assertThat(byEngine).hasSize(2);
        assertThat(byEngine.get(0)).isEqualTo("processing: {guarantee: exactly-once, python: {engine: graalpy}}");
        assertThat(byEngine.get(1)).startsWith("return f\"");
        assertThat(differing(Workload.PYTHON_HEAVY_TITLE_JYTHON, Workload.PYTHON_HEAVY_TITLE_GRAALPY)).hasSize(2);
        java.util.List<String> titled = differing(Workload.PYTHON_HEAVY_FIELD_GRAALPY, Workload.PYTHON_HEAVY_TITLE_GRAALPY);
        assertThat(titled).containsExactly("return f\"{digest[:16]} {row['customer'].title()} ({row['country']}, {region}) {score}\"");
    }

    /** The lines of {@code second}'s definition that differ from {@code first}'s (the same length). */
    private static java.util.List<String> differing(Workload first, Workload second) {
        String[] a = first.definition("x", "a", "b", "c", "exactly-once").split("\n");
        String[] b = second.definition("x", "a", "b", "c", "exactly-once").split("\n");
        assertThat(a).hasSameSizeAs(b);
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                lines.add(b[i].strip());
            }
        }
        return lines;
    }

    private static void assertHeavyPythonOutput(Workload workload, boolean withEngine) throws Exception {
        try (LocalTopology topology = topology(workload, "at-least-once", withEngine)) {
            for (long i : new long[] {0, 3}) {
                JsonNode in = JSON.readTree(OrderRecords.value(i));
                JsonNode out = only(topology.send(OrderRecords.key(i), OrderRecords.value(i), Map.of(), null));
                assertThat(out.get("eu").asBoolean()).isEqualTo(OrderRecords.fromEu(i));
                assertThat(out.get("email").asText()).isEqualTo(sha256(in.get("email").asText()));
                assertThat(out.get("label").asText())
                        .isEqualTo(title(in) + " (" + in.get("country").asText() + ", " + in.get("status").asText().toLowerCase() + ")");
                assertThat(out.get("note_score").asDouble()).isCloseTo(noteScore(in), org.assertj.core.data.Offset.offset(0.006));
                assertThat(out.get("customer").asText()).isEqualTo(in.get("customer").asText());
            }
        }
    }

    /** Python's {@code str.title()} of the order's customer (words of lower-case letters). */
    private static String title(JsonNode order) {
        return java.util.Arrays.stream(order.get("customer").asText().split(" ")).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** The heavy steps' {@code sum(len(word) * 0.1 for word in note.split())}. */
    private static double noteScore(JsonNode order) {
        return java.util.Arrays.stream(order.get("note").asText().trim().split("\\s+")).mapToDouble(w -> w.length() * 0.1).sum();
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void theHandWrittenContendersAreNotPipelines() {
        for (Workload contender : new Workload[] {Workload.PEER, Workload.BARE_STREAMS, Workload.PLAIN_LOOP}) {
            assertThat(contender.isPipeline()).isFalse();
            assertThatThrownBy(() -> contender.definition("x", "a", "b", "c", "exactly-once")).isInstanceOf(IllegalStateException.class);
        }
    }
}
