package dev.streamlake.core.source;

import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.generator.GeneratorKeys;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.core.kafka.KafkaSourceFactory;
import dev.streamlake.core.kinesis.KinesisKeys;
import dev.streamlake.core.kinesis.KinesisSourceFactory;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;

/**
 * Picks a job's source by {@code source.type}, so the job's code does not depend on it: Kafka,
 * Kinesis or the generator, each with the configured watermark strategy, a stable uid ({@code
 * kafka-source}, {@code kinesis-source}, {@code generator-source}) and a readable name.
 */
public final class SourceFactory {

    /** Every key the three sources read: include it in a job's schema. */
    public static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .include(SourceKeys.SCHEMA)
                    .include(KafkaKeys.SOURCE)
                    .include(KinesisKeys.SOURCE)
                    .include(GeneratorKeys.SCHEMA)
                    .build();

    static final String GENERATOR_UID = "generator-source";

    private SourceFactory() {}

    /** A Kafka or Kinesis source; a job that offers the generator uses the other overload. */
    public static <T> EventSource<T> fromConfig(
            JobConfig config, EventFormat<T> format, EventTimeExtractor<T> eventTime) {
        return fromConfig(
                config,
                format,
                eventTime,
                unused -> {
                    throw new InvalidConfigurationException(
                            "Configuration key '"
                                    + SourceKeys.TYPE.name()
                                    + "' is generator, but this job has no generator; use kafka or kinesis.");
                });
    }

    /** A Kafka, Kinesis or generator source. */
    public static <T> EventSource<T> fromConfig(
            JobConfig config,
            EventFormat<T> format,
            EventTimeExtractor<T> eventTime,
            GeneratorSourceFactory<T> generator) {
        switch (config.get(SourceKeys.TYPE)) {
            case KAFKA:
                return KafkaSourceFactory.eventSource(config, format, eventTime);
            case KINESIS:
                return KinesisSourceFactory.eventSource(config, format, eventTime);
            case GENERATOR:
            default:
                return new ConnectorEventSource<>(
                        generator.create(config),
                        DecodedWatermarks.fromConfig(config, eventTime),
                        Decoded.typeInfo(format.eventType()),
                        GENERATOR_UID,
                        "Generator source");
        }
    }
}
