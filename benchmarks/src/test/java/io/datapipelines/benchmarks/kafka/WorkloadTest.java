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
        String yaml = workload.definition("bench-" + workload.id(), "orders", "out-1", "dlq-1", guarantee);
        PipelineDefinition definition = new DefinitionParser().parse(yaml, "bench.yaml", null);
        return new LocalTopology(definition, PipelineMetrics.NONE);
    }

    private static JsonNode only(LocalTopology.Result result) throws Exception {
        assertThat(result.deadLetters()).isEmpty();
        assertThat(result.sink()).hasSize(1);
        return JSON.readTree(result.sink().get(0).value());
    }

    @ParameterizedTest
    @EnumSource(value = Workload.class, names = {"BUILTIN", "PYTHON"})
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
    void theFiveStepPipelineKeepsEuOrdersAndCleansThem() throws Exception {
        try (LocalTopology topology = topology(Workload.FIVE_STEPS, "exactly-once")) {
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
    void thePeerIsNotAPipeline() {
        assertThatThrownBy(() -> Workload.PEER.definition("x", "a", "b", "c", "exactly-once")).isInstanceOf(IllegalStateException.class);
    }
}
