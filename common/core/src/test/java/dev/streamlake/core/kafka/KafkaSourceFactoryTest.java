package dev.streamlake.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.source.TestConfigs;
import dev.streamlake.core.source.TextFormat;
import dev.streamlake.core.source.WatermarkKeys;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

import java.util.Properties;

class KafkaSourceFactoryTest {

    private static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .include(KafkaKeys.CLIENT)
                    .include(KafkaKeys.SOURCE)
                    .include(WatermarkKeys.PER_INPUT)
                    .include(WatermarkKeys.ALIGNMENT)
                    .build();

    private static final String[] COMPLETE = {
        "kafka.bootstrap.servers", "broker-1:9092,broker-2:9092",
        "kafka.topics", "readings,more-readings",
        "kafka.group-id", "sensor-stats"
    };

    @Test
    void consumerReadsCommittedRecordsOnlyAndGetsTheSecuritySettings() {
        JobConfig config =
                config(
                        "kafka.properties.security.protocol", "SASL_SSL",
                        "kafka.properties.sasl.mechanism", "SCRAM-SHA-512",
                        "kafka.properties.sasl.jaas.config", "ScramLoginModule required;");

        Properties properties = KafkaSourceFactory.consumerProperties(config);

        assertThat(properties)
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "ScramLoginModule required;");
    }

    @Test
    void isolationLevelCannotBeLowered() {
        JobConfig config = config("kafka.properties.isolation.level", "read_uncommitted");

        assertThatThrownBy(() -> KafkaSourceFactory.create(config, new TextFormat()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("'kafka.properties.isolation.level' is not allowed")
                .hasMessageContaining("read_committed");
    }

    @Test
    void brokersAreSetWithTheirOwnKeyOnly() {
        JobConfig config = config("kafka.properties.bootstrap.servers", "elsewhere:9092");

        assertThatThrownBy(() -> KafkaSourceFactory.consumerProperties(config))
                .hasMessage(
                        "Configuration key 'kafka.properties.bootstrap.servers' is not allowed:"
                                + " set it with kafka.bootstrap.servers.");
    }

    @Test
    void missingBrokersAreNamed() {
        JobConfig config =
                TestConfigs.of(SCHEMA, "kafka.topics", "readings", "kafka.group-id", "g");

        assertThatThrownBy(() -> KafkaSourceFactory.create(config, new TextFormat()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Missing configuration key 'kafka.bootstrap.servers'");
    }

    @Test
    void missingTopicsAreNamed() {
        JobConfig config =
                TestConfigs.of(SCHEMA, "kafka.bootstrap.servers", "b:9092", "kafka.group-id", "g");

        assertThatThrownBy(() -> KafkaSourceFactory.create(config, new TextFormat()))
                .hasMessageStartingWith("Missing configuration key 'kafka.topics'");
    }

    @Test
    void startingOffsetsFollowTheConfiguration() {
        assertThat(offsetReset()).isEqualTo(OffsetResetStrategy.EARLIEST);
        assertThat(offsetReset("kafka.starting-offsets", "latest")).isEqualTo(OffsetResetStrategy.LATEST);
        assertThat(offsetReset("kafka.starting-offsets", "earliest")).isEqualTo(OffsetResetStrategy.EARLIEST);
    }

    @Test
    void timestampStartNeedsATimestamp() {
        JobConfig config = config("kafka.starting-offsets", "timestamp");

        assertThatThrownBy(() -> KafkaSourceFactory.create(config, new TextFormat()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Configuration key 'kafka.starting-timestamp' is required when"
                                + " 'kafka.starting-offsets' is timestamp.");
        KafkaSource<Decoded<String>> source =
                KafkaSourceFactory.create(
                        config(
                                "kafka.starting-offsets", "timestamp",
                                "kafka.starting-timestamp", "2024-05-01T00:00:00Z"),
                        new TextFormat());
        assertThat(source.getProducedType()).isEqualTo(Decoded.typeInfo(Types.STRING));
    }

    @Test
    void aSourceIsStreamingUnlessStoppingOffsetsAreSet() {
        assertThat(KafkaSourceFactory.create(config(), new TextFormat()).getBoundedness())
                .isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(KafkaSourceFactory.create(config("kafka.stopping-offsets", "latest"), new TextFormat())
                        .getBoundedness())
                .isEqualTo(Boundedness.BOUNDED);
        assertThat(KafkaSourceFactory.create(
                                config(
                                        "kafka.stopping-offsets", "timestamp",
                                        "kafka.stopping-timestamp", "2024-05-01T00:00:00Z"),
                                new TextFormat())
                        .getBoundedness())
                .isEqualTo(Boundedness.BOUNDED);
    }

    @Test
    void timestampStopNeedsATimestamp() {
        JobConfig config = config("kafka.stopping-offsets", "timestamp");

        assertThatThrownBy(() -> KafkaSourceFactory.create(config, new TextFormat()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Configuration key 'kafka.stopping-timestamp' is required when"
                                + " 'kafka.stopping-offsets' is timestamp.");
    }

    @Test
    void eventSourceHasAStableUidAndNamesItsTopics() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();

        Transformation<Decoded<String>> source =
                KafkaSourceFactory.eventSource("readings-kafka-source", config(), new TextFormat(), Long::parseLong)
                        .createStream(env)
                        .getTransformation();

        assertThat(source.getUid()).isEqualTo("readings-kafka-source");
        assertThat(source.getName()).isEqualTo("Kafka source: readings,more-readings");
        assertThat(source.getOutputType()).isEqualTo(Decoded.typeInfo(Types.STRING));
    }

    private static OffsetResetStrategy offsetReset(String... keyValues) {
        return KafkaSourceFactory.startingOffsets(config(keyValues)).getAutoOffsetResetStrategy();
    }

    private static JobConfig config(String... extra) {
        String[] all = new String[COMPLETE.length + extra.length];
        System.arraycopy(COMPLETE, 0, all, 0, COMPLETE.length);
        System.arraycopy(extra, 0, all, COMPLETE.length, extra.length);
        return TestConfigs.of(SCHEMA, all);
    }
}
