package io.datapipelines.benchmarks.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class OrderRecordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRecordIsTwoHundredBytesOfJsonWithTheFieldsThePipelinesUse() throws Exception {
        Set<String> customers = new HashSet<>();
        for (long i : new long[] {0, 1, 2, 7, 99, 12_345, 999_999, 99_999_999}) {
            byte[] value = OrderRecords.value(i);
            assertThat(value).as("record %d", i).hasSize(OrderRecords.SIZE);
            JsonNode order = JSON.readTree(value);
            assertThat(order.fieldNames()).toIterable()
                    .containsExactly("id", "customer", "email", "country", "amount", "currency", "status", "items", "ts", "note");
            assertThat(order.get("id").asText()).isEqualTo(new String(OrderRecords.key(i), StandardCharsets.US_ASCII));
            assertThat(Double.parseDouble(order.get("amount").asText())).isNotNegative();
            customers.add(order.get("customer").asText());
        }
        assertThat(customers).hasSizeGreaterThan(3);
    }

    @Test
    void eightInTenRecordsAreFromTheEu() throws Exception {
        long eu = LongStream.range(0, 1000).filter(OrderRecords::fromEu).count();
        assertThat(eu).isEqualTo(800);
        for (long i = 0; i < 20; i++) {
            String country = JSON.readTree(OrderRecords.value(i)).get("country").asText();
            assertThat(OrderRecords.fromEu(i)).as(country).isEqualTo(!country.equals("US") && !country.equals("GB"));
        }
    }
}
