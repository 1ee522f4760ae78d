package io.datapipelines.benchmarks.limit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UppercaseCustomerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void upperCasesTheCustomerAndKeepsEverythingElse() throws Exception {
        byte[] in = "{\"id\":\"o-1\",\"customer\":\"ada lovelace\",\"amount\":\"12.50\",\"items\":3}".getBytes(StandardCharsets.UTF_8);
        JsonNode out = JSON.readTree(UppercaseCustomer.apply(in));
        ObjectNode expected = (ObjectNode) JSON.readTree(in);
        expected.put("customer", "ADA LOVELACE");
        assertThat(out).isEqualTo(expected);
        assertThat(out.fieldNames()).toIterable().containsExactly("id", "customer", "amount", "items");
    }

    @Test
    void aRecordItCannotTransformFailsWithTheReason() {
        assertThatThrownBy(() -> UppercaseCustomer.apply("{\"customer\":7}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("customer");
        assertThatThrownBy(() -> UppercaseCustomer.apply("{nope".getBytes(StandardCharsets.UTF_8))).hasMessageStartingWith("not JSON");
    }
}
