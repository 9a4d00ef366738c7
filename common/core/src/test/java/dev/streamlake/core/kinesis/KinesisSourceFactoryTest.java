package dev.streamlake.core.kinesis;

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
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.LegacySourceTransformation;
import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;
import org.junit.jupiter.api.Test;

import java.util.Properties;

class KinesisSourceFactoryTest {

    private static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .include(KinesisKeys.CLIENT)
                    .include(KinesisKeys.SOURCE)
                    .include(WatermarkKeys.PER_INPUT)
                    .include(WatermarkKeys.ALIGNMENT)
                    .build();

    private static final String[] COMPLETE = {
        "kinesis.region", "us-east-1",
        "kinesis.streams", "readings"
    };

    @Test
    void defaultsPollFromTheOldestRecordWithTheDefaultCredentialChain() {
        Properties properties = KinesisSourceFactory.consumerProperties(config());

        assertThat(properties)
                .containsEntry("aws.region", "us-east-1")
                .containsEntry("aws.credentials.provider", "AUTO")
                .containsEntry("flink.stream.initpos", "TRIM_HORIZON")
                .containsEntry("flink.stream.recordpublisher", "POLLING")
                .doesNotContainKey("aws.endpoint");
    }

    @Test
    void localMockNeedsEndpointAndBasicCredentials() {
        Properties properties =
                KinesisSourceFactory.consumerProperties(
                        config(
                                "kinesis.endpoint", "http://127.0.0.1:4567",
                                "kinesis.credentials.provider", "basic",
                                "kinesis.credentials.access-key-id", "test-id",
                                "kinesis.credentials.secret-key", "test-secret"));

        assertThat(properties)
                .containsEntry("aws.endpoint", "http://127.0.0.1:4567")
                .containsEntry("aws.credentials.provider", "BASIC")
                .containsEntry("aws.credentials.provider.basic.accesskeyid", "test-id")
                .containsEntry("aws.credentials.provider.basic.secretkey", "test-secret");
    }

    @Test
    void basicCredentialsNeedTheSecretKey() {
        JobConfig config =
                config(
                        "kinesis.credentials.provider", "basic",
                        "kinesis.credentials.access-key-id", "test-id");

        assertThatThrownBy(() -> KinesisSourceFactory.create(config, new TextFormat()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Missing configuration key 'kinesis.credentials.secret-key'");
    }

    @Test
    void keysWithoutBasicCredentialsAreAMistake() {
        JobConfig config = config("kinesis.credentials.access-key-id", "test-id");

        assertThatThrownBy(() -> KinesisSourceFactory.consumerProperties(config))
                .hasMessageContaining("used only with 'kinesis.credentials.provider' basic, not auto");
    }

    @Test
    void enhancedFanOutNeedsAConsumerName() {
        assertThatThrownBy(
                        () -> KinesisSourceFactory.consumerProperties(
                                config("kinesis.record-publisher", "efo")))
                .hasMessageStartingWith("Missing configuration key 'kinesis.efo-consumer-name'");

        Properties properties =
                KinesisSourceFactory.consumerProperties(
                        config(
                                "kinesis.record-publisher", "efo",
                                "kinesis.efo-consumer-name", "sensor-stats"));
        assertThat(properties)
                .containsEntry("flink.stream.recordpublisher", "EFO")
                .containsEntry("flink.stream.efo.consumername", "sensor-stats");
    }

    @Test
    void startAtATimestampIsGivenInEpochSeconds() {
        assertThatThrownBy(
                        () -> KinesisSourceFactory.consumerProperties(
                                config("kinesis.initial-position", "at-timestamp")))
                .hasMessage(
                        "Configuration key 'kinesis.initial-timestamp' is required when"
                                + " 'kinesis.initial-position' is at-timestamp.");

        Properties properties =
                KinesisSourceFactory.consumerProperties(
                        config(
                                "kinesis.initial-position", "at-timestamp",
                                "kinesis.initial-timestamp", "2024-05-01T10:00:00.123Z"));
        assertThat(properties)
                .containsEntry("flink.stream.initpos", "AT_TIMESTAMP")
                .containsEntry("flink.stream.initpos.timestamp", "1714557600.123");
    }

    @Test
    void connectorSettingsOwnedByKeysCannotBePassedThrough() {
        JobConfig config = config("kinesis.properties.flink.stream.initpos", "LATEST");

        assertThatThrownBy(() -> KinesisSourceFactory.consumerProperties(config))
                .hasMessage(
                        "Configuration key 'kinesis.properties.flink.stream.initpos' is not allowed:"
                                + " set it with kinesis.initial-position.");
    }

    @Test
    void missingRegionIsNamed() {
        JobConfig config = TestConfigs.of(SCHEMA, "kinesis.streams", "readings");

        assertThatThrownBy(() -> KinesisSourceFactory.create(config, new TextFormat()))
                .hasMessageStartingWith("Missing configuration key 'kinesis.region'");
    }

    @Test
    void eventSourceHasAStableUidAndMakesWatermarksPerShard() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();

        Transformation<Decoded<String>> source =
                KinesisSourceFactory.eventSource("readings-kinesis-source", config("watermark.idleness", "45s"), new TextFormat(), Long::parseLong)
                        .createStream(env)
                        .getTransformation();

        assertThat(source.getUid()).isEqualTo("readings-kinesis-source");
        assertThat(source.getName()).isEqualTo("Kinesis source: readings");
        assertThat(source.getOutputType()).isEqualTo(Decoded.typeInfo(Types.STRING));
        assertThat(source.getInputs()).isEmpty();
        FlinkKinesisConsumer<?> consumer =
                (FlinkKinesisConsumer<?>) ((LegacySourceTransformation<?>) source).getOperator().getUserFunction();
        assertThat(consumer.getPeriodicWatermarkAssigner()).isInstanceOf(ShardWatermarks.class);
    }

    private static JobConfig config(String... extra) {
        String[] all = new String[COMPLETE.length + extra.length];
        System.arraycopy(COMPLETE, 0, all, 0, COMPLETE.length);
        System.arraycopy(extra, 0, all, COMPLETE.length, extra.length);
        return TestConfigs.of(SCHEMA, all);
    }
}
