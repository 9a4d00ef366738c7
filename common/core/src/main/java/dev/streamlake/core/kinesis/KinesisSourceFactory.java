package dev.streamlake.core.kinesis;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.source.WatermarkKeys;
import dev.streamlake.core.source.EventSource;
import dev.streamlake.core.source.EventTimeExtractor;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.kinesis.KinesisDecodingDeserializationSchema;

import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Properties;

/**
 * Builds the Kinesis source from configuration ({@link KinesisKeys#SOURCE}): a {@link
 * FlinkKinesisConsumer} polling or with enhanced fan-out. Shard positions are kept in Flink's
 * checkpoints, so a restore re-reads nothing already checkpointed; bad records become dead
 * letters.
 */
public final class KinesisSourceFactory {

    private KinesisSourceFactory() {}

    /** The Kinesis source as an {@link EventSource} with the given uid. */
    public static <T> EventSource<T> eventSource(
            String uid, JobConfig config, EventFormat<T> format, EventTimeExtractor<T> eventTime) {
        Properties properties = consumerProperties(config);
        Duration idleness = config.get(WatermarkKeys.IDLENESS);
        if (!idleness.isZero()) {
            properties.setProperty(
                    ConsumerConfigConstants.SHARD_IDLE_INTERVAL_MILLIS, Long.toString(idleness.toMillis()));
        }
        FlinkKinesisConsumer<Decoded<T>> consumer = create(config, format, properties);
        consumer.setPeriodicWatermarkAssigner(
                new ShardWatermarks<>(eventTime, config.get(WatermarkKeys.OUT_OF_ORDERNESS)));
        return new KinesisEventSource<>(
                consumer,
                Decoded.typeInfo(format.eventType()),
                uid,
                "Kinesis source: " + String.join(",", config.get(KinesisKeys.SOURCE_STREAMS)));
    }

    /**
     * The Kinesis consumer.
     *
     * @throws InvalidConfigurationException if a needed key is missing or the settings disagree
     */
    public static <T> FlinkKinesisConsumer<Decoded<T>> create(JobConfig config, EventFormat<T> format) {
        return create(config, format, consumerProperties(config));
    }

    private static <T> FlinkKinesisConsumer<Decoded<T>> create(
            JobConfig config, EventFormat<T> format, Properties properties) {
        try {
            return new FlinkKinesisConsumer<>(
                    config.get(KinesisKeys.SOURCE_STREAMS),
                    new KinesisDecodingDeserializationSchema<>(format),
                    properties);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(
                    "The Kinesis source rejects its configuration (kinesis.* keys): " + e.getMessage(), e);
        }
    }

    /** The connector properties: region, credentials, start position and record publisher. */
    public static Properties consumerProperties(JobConfig config) {
        Properties properties = KinesisClientProperties.from(config);
        InitialPosition position = config.get(KinesisKeys.SOURCE_INITIAL_POSITION);
        properties.setProperty(ConsumerConfigConstants.STREAM_INITIAL_POSITION, position.name());
        if (position == InitialPosition.AT_TIMESTAMP) {
            long millis =
                    config.getRequiredBecauseOf(
                                    KinesisKeys.SOURCE_INITIAL_TIMESTAMP, KinesisKeys.SOURCE_INITIAL_POSITION)
                            .toEpochMilli();
            // The connector reads a timestamp without a date format as epoch seconds.
            properties.setProperty(
                    ConsumerConfigConstants.STREAM_INITIAL_TIMESTAMP, BigDecimal.valueOf(millis, 3).toPlainString());
        }
        RecordPublisher publisher = config.get(KinesisKeys.SOURCE_RECORD_PUBLISHER);
        properties.setProperty(ConsumerConfigConstants.RECORD_PUBLISHER_TYPE, publisher.name());
        if (publisher == RecordPublisher.EFO) {
            properties.setProperty(
                    ConsumerConfigConstants.EFO_CONSUMER_NAME, config.get(KinesisKeys.SOURCE_EFO_CONSUMER_NAME));
        }
        return properties;
    }
}
