package dev.streamlake.core.kafka;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.source.ConnectorEventSource;
import dev.streamlake.core.source.DecodedWatermarks;
import dev.streamlake.core.source.EventSource;
import dev.streamlake.core.source.EventTimeExtractor;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.kafka.KafkaDecodingDeserializationSchema;

import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Builds the Kafka source from configuration ({@link KafkaKeys#SOURCE}). It reads committed
 * records only ({@code isolation.level=read_committed}), so records of aborted or still open
 * transactions of an exactly-once producer are never seen; bad records become dead letters.
 */
public final class KafkaSourceFactory {

    private static final String READ_COMMITTED = "read_committed";


    private KafkaSourceFactory() {}

    /** The Kafka source as an {@link EventSource} with the given uid: watermarks per partition. */
    public static <T> EventSource<T> eventSource(
            String uid, JobConfig config, EventFormat<T> format, EventTimeExtractor<T> eventTime) {
        return new ConnectorEventSource<>(
                create(config, format),
                DecodedWatermarks.fromConfig(config, eventTime),
                Decoded.typeInfo(format.eventType()),
                uid,
                "Kafka source: " + String.join(",", config.get(KafkaKeys.SOURCE_TOPICS)));
    }

    /**
     * The Kafka source.
     *
     * @throws InvalidConfigurationException if a needed key is missing or a pass-through property
     *     would override one the source sets itself
     */
    public static <T> KafkaSource<Decoded<T>> create(JobConfig config, EventFormat<T> format) {
        KafkaSourceBuilder<Decoded<T>> builder =
                KafkaSource.<Decoded<T>>builder()
                        .setBootstrapServers(config.get(KafkaKeys.BOOTSTRAP_SERVERS))
                        .setTopics(config.get(KafkaKeys.SOURCE_TOPICS))
                        .setGroupId(config.get(KafkaKeys.SOURCE_GROUP_ID))
                        .setStartingOffsets(startingOffsets(config))
                        .setDeserializer(new KafkaDecodingDeserializationSchema<>(format))
                        .setProperties(consumerProperties(config));
        stoppingOffsets(config).ifPresent(builder::setBounded);
        return builder.build();
    }

    /** The consumer properties: the pass-through ones plus those the source fixes. */
    public static Properties consumerProperties(JobConfig config) {
        Properties properties =
                KafkaClientProperties.from(
                        config,
                        Map.of(
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "set it with " + config.nameOf(KafkaKeys.SOURCE_GROUP_ID),
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "the source always reads committed records only (" + READ_COMMITTED + ")"));
        properties.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, READ_COMMITTED);
        return properties;
    }

    /** The bound of a bounded source; empty for a streaming one. */
    static Optional<OffsetsInitializer> stoppingOffsets(JobConfig config) {
        switch (config.get(KafkaKeys.SOURCE_STOPPING_OFFSETS)) {
            case LATEST:
                return Optional.of(OffsetsInitializer.latest());
            case TIMESTAMP:
                return Optional.of(OffsetsInitializer.timestamp(
                        config.getRequiredBecauseOf(
                                        KafkaKeys.SOURCE_STOPPING_TIMESTAMP, KafkaKeys.SOURCE_STOPPING_OFFSETS)
                                .toEpochMilli()));
            case NONE:
            default:
                return Optional.empty();
        }
    }

    static OffsetsInitializer startingOffsets(JobConfig config) {
        switch (config.get(KafkaKeys.SOURCE_STARTING_OFFSETS)) {
            case EARLIEST:
                return OffsetsInitializer.earliest();
            case LATEST:
                return OffsetsInitializer.latest();
            case TIMESTAMP:
                return OffsetsInitializer.timestamp(
                        config.getRequiredBecauseOf(
                                        KafkaKeys.SOURCE_STARTING_TIMESTAMP, KafkaKeys.SOURCE_STARTING_OFFSETS)
                                .toEpochMilli());
            case COMMITTED_OR_EARLIEST:
            default:
                return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        }
    }
}
