package dev.streamlake.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.source.TestConfigs;
import dev.streamlake.core.source.TextFormat;

import org.junit.jupiter.api.Test;

class KafkaSinkFactoryTest {

    private static final ConfigSchema SINK_KEYS =
            ConfigSchema.builder().include(KafkaKeys.CLIENT).include(KafkaKeys.SINK).build();

    @Test
    void exactlyOnceNeedsATransactionalIdPrefix() {
        JobConfig config =
                TestConfigs.of(SINK_KEYS, "kafka.bootstrap.servers", "b:9092", "kafka.topic", "stats");

        assertThatThrownBy(() -> KafkaSinkFactory.create(config, new TextFormat()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Missing configuration key 'kafka.transactional-id-prefix'")
                .hasMessageContaining("exactly-once");
    }

    @Test
    void transactionTimeoutIsFifteenMinutesByDefault() {
        JobConfig config = TestConfigs.of(SINK_KEYS);

        assertThat(KafkaSinkFactory.producerProperties(config)).containsEntry("transaction.timeout.ms", "900000");
    }

    @Test
    void transactionTimeoutAndClientPropertiesReachTheProducer() {
        JobConfig config =
                TestConfigs.of(
                        SINK_KEYS,
                        "kafka.transaction-timeout", "10min",
                        "kafka.properties.security.protocol", "SSL",
                        "kafka.properties.ssl.truststore.location", "/etc/kafka/truststore.jks");

        assertThat(KafkaSinkFactory.producerProperties(config))
                .containsEntry("transaction.timeout.ms", "600000")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.jks");
    }

    @Test
    void transactionTimeoutIsSetWithItsOwnKeyOnly() {
        JobConfig config = TestConfigs.of(SINK_KEYS, "kafka.properties.transaction.timeout.ms", "60000");

        assertThatThrownBy(() -> KafkaSinkFactory.producerProperties(config))
                .hasMessageContaining("set it with kafka.transaction-timeout");
    }

    @Test
    void completeConfigurationBuildsTheSink() {
        JobConfig config =
                TestConfigs.of(
                        SINK_KEYS,
                        "kafka.bootstrap.servers", "b:9092",
                        "kafka.topic", "stats",
                        "kafka.transactional-id-prefix", "sensor-stats-out");

        assertThatCode(() -> KafkaSinkFactory.create(config, new TextFormat(), event -> event))
                .doesNotThrowAnyException();
    }
}
