package dev.streamlake.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.source.TestConfigs;
import dev.streamlake.core.source.TextFormat;

import org.junit.jupiter.api.Test;

class KafkaSinkFactoryTest {

    @Test
    void exactlyOnceNeedsATransactionalIdPrefix() {
        JobConfig config =
                TestConfigs.of(KafkaKeys.SINK, "kafka.bootstrap.servers", "b:9092", "kafka.sink.topic", "stats");

        assertThatThrownBy(() -> KafkaSinkFactory.create(config, new TextFormat()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Missing configuration key 'kafka.sink.transactional-id-prefix'")
                .hasMessageContaining("exactly-once");
    }

    @Test
    void transactionTimeoutIsFifteenMinutesByDefault() {
        JobConfig config = TestConfigs.of(KafkaKeys.SINK);

        assertThat(KafkaSinkFactory.producerProperties(config)).containsEntry("transaction.timeout.ms", "900000");
    }

    @Test
    void transactionTimeoutAndClientPropertiesReachTheProducer() {
        JobConfig config =
                TestConfigs.of(
                        KafkaKeys.SINK,
                        "kafka.sink.transaction-timeout", "10min",
                        "kafka.properties.security.protocol", "SSL",
                        "kafka.properties.ssl.truststore.location", "/etc/kafka/truststore.jks");

        assertThat(KafkaSinkFactory.producerProperties(config))
                .containsEntry("transaction.timeout.ms", "600000")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.jks");
    }

    @Test
    void transactionTimeoutIsSetWithItsOwnKeyOnly() {
        JobConfig config = TestConfigs.of(KafkaKeys.SINK, "kafka.properties.transaction.timeout.ms", "60000");

        assertThatThrownBy(() -> KafkaSinkFactory.producerProperties(config))
                .hasMessageContaining("set it with kafka.sink.transaction-timeout");
    }

    @Test
    void completeConfigurationBuildsTheSink() {
        JobConfig config =
                TestConfigs.of(
                        KafkaKeys.SINK,
                        "kafka.bootstrap.servers", "b:9092",
                        "kafka.sink.topic", "stats",
                        "kafka.sink.transactional-id-prefix", "sensor-stats-out");

        assertThatCode(() -> KafkaSinkFactory.create(config, new TextFormat(), event -> event))
                .doesNotThrowAnyException();
    }
}
