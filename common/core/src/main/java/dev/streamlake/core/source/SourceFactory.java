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

import java.util.Locale;

/**
 * Picks an input's source by its {@code source.type}, so the job's code does not depend on it:
 * Kafka, Kinesis, the generator or none, each with the configured watermark strategy, a stable uid made
 * of the input's name and the source type (e.g. {@code readings-kafka-source}) and a readable
 * name. A new source type gets a new uid, as its state does not carry over.
 */
public final class SourceFactory {

    /** The keys of one input, declared under the input's name: its source type, source and watermark keys. */
    public static final ConfigSchema INPUT =
            ConfigSchema.builder()
                    .add(SourceKeys.TYPE)
                    .include(WatermarkKeys.PER_INPUT)
                    .include(KafkaKeys.SOURCE)
                    .include(KinesisKeys.SOURCE)
                    .include(GeneratorKeys.SCHEMA)
                    .build();

    /** The keys every input shares: connections to Kafka and Kinesis, watermark alignment. */
    public static final ConfigSchema SHARED =
            ConfigSchema.builder()
                    .include(KafkaKeys.CLIENT)
                    .include(KinesisKeys.CLIENT)
                    .include(WatermarkKeys.ALIGNMENT)
                    .build();

    private SourceFactory() {}

    /**
     * A Kafka, Kinesis, generator or empty source.
     *
     * @param input the input's name, which the uid starts with
     * @param config the configuration as the input sees it ({@link JobConfig#scope})
     * @param generator the generator of the input's events; {@code null} if the job has none
     */
    public static <T> EventSource<T> fromConfig(
            String input,
            JobConfig config,
            EventFormat<T> format,
            EventTimeExtractor<T> eventTime,
            GeneratorSourceFactory<T> generator) {
        SourceType type = config.get(SourceKeys.TYPE);
        String uid = input + "-" + type.name().toLowerCase(Locale.ROOT) + "-source";
        switch (type) {
            case KAFKA:
                return KafkaSourceFactory.eventSource(uid, config, format, eventTime);
            case KINESIS:
                return KinesisSourceFactory.eventSource(uid, config, format, eventTime);
            case NONE:
                return new EmptyEventSource<>(Decoded.typeInfo(format.eventType()), uid, "No source: " + input);
            case GENERATOR:
            default:
                if (generator == null) {
                    throw new InvalidConfigurationException(
                            "Configuration key '" + config.nameOf(SourceKeys.TYPE)
                                    + "' is generator, but this input has no generator; use kafka or kinesis.");
                }
                return new ConnectorEventSource<>(
                        generator.create(config),
                        DecodedWatermarks.fromConfig(config, eventTime),
                        Decoded.typeInfo(format.eventType()),
                        uid,
                        "Generator source: " + input);
        }
    }
}
