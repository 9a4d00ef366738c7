package dev.streamlake.core.job;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.core.kinesis.KinesisKeys;

import org.apache.flink.configuration.MemorySize;

/**
 * The keys the skeleton adds to every job: the shared schema registry and Delta tuning, and the
 * keys each stream output has under its name. An input's keys come from {@link
 * dev.streamlake.core.source.SourceFactory#INPUT} plus its {@code format}; a table's from its name.
 */
public final class JobKeys {

    public static final ConfigKey<String> SCHEMA_REGISTRY_URL =
            ConfigKey.of("schema-registry.url", ValueType.string())
                    .withDescription("Confluent Schema Registry URL; required by an input whose format is confluent-avro.");

    public static final ConfigKey<String> SCHEMA_REGISTRY_SUBJECT =
            ConfigKey.of("schema-registry.subject", ValueType.string())
                    .withDescription(
                            "The input's subject in the schema registry; by default its first topic or stream"
                                    + " followed by -value (Confluent's topic naming).");

    public static final ConfigKey<MemorySize> DELTA_TARGET_FILE_SIZE =
            ConfigKey.of("delta.target-file-size", ValueType.memorySize())
                    .withDefault(MemorySize.parse("128mb"))
                    .withDescription("A Delta data file is closed when it reaches this size (and at every checkpoint).");

    public static final ConfigKey<Integer> DELTA_LOG_CHECKPOINT_INTERVAL =
            ConfigKey.of("delta.log-checkpoint-interval", ValueType.positiveInt())
                    .withDefault(10)
                    .withDescription("Write a Delta log checkpoint every this many commits, so readers start fast.");

    public static final ConfigKey<Boolean> DELTA_SCHEMA_EVOLUTION =
            ConfigKey.of("delta.schema-evolution", ValueType.bool())
                    .withDefault(false)
                    .withDescription("Add new nullable columns to an existing table instead of failing on them.");

    public static final ConfigKey<StreamOutputType> OUTPUT_TYPE =
            ConfigKey.of("sink.type", ValueType.enumOf(StreamOutputType.class))
                    .withDefault(StreamOutputType.NONE)
                    .withDescription(
                            "Where the output goes: none, kafka (its kafka.topic, exactly-once) or kinesis"
                                    + " (its kinesis.stream, at-least-once).");

    /** Keys every job shares. */
    public static final ConfigSchema SHARED =
            ConfigSchema.builder()
                    .add(SCHEMA_REGISTRY_URL, DELTA_TARGET_FILE_SIZE, DELTA_LOG_CHECKPOINT_INTERVAL, DELTA_SCHEMA_EVOLUTION)
                    .build();

    /** Keys of one stream output, declared under the output's name. */
    public static final ConfigSchema OUTPUT =
            ConfigSchema.builder().add(OUTPUT_TYPE).include(KafkaKeys.SINK).include(KinesisKeys.SINK).build();

    private JobKeys() {}
}
