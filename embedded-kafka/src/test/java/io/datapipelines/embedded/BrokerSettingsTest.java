package io.datapipelines.embedded;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerSettingsTest {

    @Test
    void aForkedBrokersPropertiesAreAKraftNodeOnLocalhostWithTheSingleNodeSettings() throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(BrokerSettings.serverProperties(9092, 9093, Path.of("/tmp/kafka-data"))));
        assertThat(properties.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(properties.getProperty("listeners")).isEqualTo("PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093");
        assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:9093");
        assertThat(properties.getProperty("log.dirs")).isEqualTo("/tmp/kafka-data");
        BrokerSettings.SINGLE_NODE.forEach((key, value) -> assertThat(properties.getProperty(key)).as(key).isEqualTo(value));
        assertThat(BrokerSettings.SINGLE_NODE).containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("offsets.topic.replication.factor", "1");
    }
}
