package io.datapipelines.runtime.it;

import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Python 3 step on GraalPy (the default engine) under exactly-once against a real broker: a dataclass,
 * an f-string and {@code {**d}}, with a few records that loop forever. The runtime is SIGKILLed once
 * mid-stream and restarted (a new JVM: a new GraalPy engine). Every good record reaches the sink exactly
 * once with the value CPython would give, each endless record is a {@code TimeoutError} dead letter
 * exactly once, and the pipeline goes on after each.
 */
class GraalPyExactlyOnceIT {
    @RegisterExtension
    @Order(1)
    static final ForkedProcesses PROCESSES = new ForkedProcesses();

    @RegisterExtension
    @Order(2)
    static final KafkaBrokerExtension<EmbeddedKafka> KAFKA = KafkaBrokerExtension.embedded();

    @RegisterExtension
    @Order(3)
    static final TopicClient TOPICS = TopicClient.of(KAFKA);

    static final int RECORDS = 3_000;

    static final String DEFINITION = """
            apiVersion: datapipelines/v1
            kind: DataPipeline
            metadata:
              name: graalpy
            spec:
              source: {topic: graalpy-in}
              sink: {topic: graalpy-out}
              steps:
                - kind: Record
                  transform:
                    key: user-defined-record-transformation
                    config:
                      code: |
                        from dataclasses import dataclass

                        @dataclass(frozen=True)
                        class Order:
                            id: str
                            n: int
                            name: str

                        def transform(record: dict) -> dict:
                            value = record["value"]
                            if value["n"] %% 1000 == 500:
                                while True:
                                    pass
                            order = Order(**{k: value[k] for k in ("id", "n", "name")})
                            record["value"] = {**value, "label": f"{order.name.title()}#{order.n:05d}", "half": order.n / 2}
                            return record
              errors:
                mode: dead-letter
                deadLetterTopic: graalpy-dlq
              processing:
                guarantee: exactly-once
                python: {engine: graalpy, timeout: %s}
            """;

    static String id(int n) {
        return String.format(Locale.ROOT, "g-%05d", n);
    }

    @Test
    void aPython3StepDeliversExactlyOnceAndEndlessRecordsBecomeTimeoutErrors() throws Exception {
        TOPICS.create(2, "graalpy-in", "graalpy-out", "graalpy-dlq");
        List<TopicClient.Input> inputs = new ArrayList<>();
        Map<String, Object> expectedSink = new TreeMap<>();
        Map<String, String> expectedDead = new TreeMap<>();
        for (int n = 1; n <= RECORDS; n++) {
            inputs.add(TopicClient.Input.json(id(n), String.format(Locale.ROOT, "{\"id\":\"%s\",\"n\":%d,\"name\":\"item %d\"}", id(n), n, n)));
            if (n % 1000 == 500) {
                expectedDead.put(id(n), "TimeoutError");
            } else {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("id", id(n));
                value.put("n", (long) n);
                value.put("name", "item " + n);
                value.put("label", String.format(Locale.ROOT, "Item %d#%05d", n, n));
                value.put("half", n / 2.0);
                expectedSink.put(id(n), value);
            }
        }
        TOPICS.produce("graalpy-in", inputs);

        // 1s: well above a record's cost even interpreted on a loaded machine, short enough for the test
        Path definition = Files.writeString(PROCESSES.workDir().resolve("graalpy.yaml"), DEFINITION.formatted("1s"));
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers()).build(PROCESSES).start();
        try (TopicReader reader = TOPICS.reader("graalpy-out", "graalpy-dlq")) {
            RepeatedKills.killAtEach(new int[] {600}, reader, "graalpy-out", expectedSink.size(), runtime);
            TOPICS.awaitCommittedToEnd("datapipelines-graalpy-it", "graalpy-in", Duration.ofSeconds(240), runtime);
            reader.readToEnd(Duration.ofSeconds(120));

            Delivery sink = Delivery.of("graalpy-out", reader.records("graalpy-out"));
            sink.assertExactlyOnce(expectedSink.keySet());
            sink.assertValues(expectedSink);
            Delivery dead = Delivery.of("graalpy-dlq", reader.records("graalpy-dlq"));
            dead.assertExactlyOnce(expectedDead.keySet());
            dead.assertErrorClasses(expectedDead);
        }
        assertThat(runtime.isAlive()).isTrue();
        assertThat(runtime.log()).contains("GraalPy").doesNotContain("replacing it");
    }
}
