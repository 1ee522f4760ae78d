package io.datapipelines.runtime.app;

import io.datapipelines.model.Guarantee;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ClientDefaultsTest {

    @Test
    void choosesThroughputAndSafetyDefaults() {
        Properties props = new Properties();
        ClientDefaults.apply(props, Guarantee.AT_LEAST_ONCE);
        assertThat(props).containsEntry("producer.batch.size", "262144")
                .containsEntry("producer.acks", "all")
                .containsEntry("commit.interval.ms", "1000")
                .containsEntry("consumer.auto.offset.reset", "earliest")
                .containsEntry("max.task.idle.ms", "-1");
    }

    @Test
    void exactlyOnceKeepsKafkaStreamsCommitIntervalAndAcks() {
        Properties props = new Properties();
        ClientDefaults.apply(props, Guarantee.EXACTLY_ONCE);
        assertThat(props).doesNotContainKeys("producer.acks", "commit.interval.ms").containsEntry("producer.batch.size", "262144");
    }

    @Test
    void neverAddsAPrefixedDefaultOverAPlainSettingTheUserChose() {
        Properties props = new Properties();
        props.putAll(Map.of("batch.size", "65536", "acks", "1", "main.consumer.auto.offset.reset", "latest",
                "max.task.idle.ms", "0", "commit.interval.ms", "250"));
        ClientDefaults.apply(props, Guarantee.AT_LEAST_ONCE);
        assertThat(props).doesNotContainKeys("producer.batch.size", "producer.acks", "consumer.auto.offset.reset")
                .containsEntry("max.task.idle.ms", "0").containsEntry("commit.interval.ms", "250");
    }

    @Test
    void keepsAPrefixedSettingTheUserChose() {
        Properties props = new Properties();
        props.put("producer.batch.size", "1048576");
        ClientDefaults.apply(props, Guarantee.EXACTLY_ONCE);
        assertThat(props).containsEntry("producer.batch.size", "1048576").doesNotContainKey("batch.size");
    }
}
