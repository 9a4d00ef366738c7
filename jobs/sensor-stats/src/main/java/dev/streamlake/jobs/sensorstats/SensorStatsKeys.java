package dev.streamlake.jobs.sensorstats;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;

import org.apache.flink.configuration.MemorySize;

import java.time.Duration;

/** The sensor window statistics job's own configuration keys. */
public final class SensorStatsKeys {

    public static final ConfigKey<Duration> WINDOW_SIZE =
            ConfigKey.of("window.size", ValueType.duration())
                    .withDefault(Duration.ofMinutes(1))
                    .withRule(d -> !d.isZero() && !d.isNegative(), "positive")
                    .withDescription("Length of each per-sensor event-time window.");

    public static final ConfigKey<Duration> WINDOW_SLIDE =
            ConfigKey.of("window.slide", ValueType.duration())
                    .withRule(d -> !d.isZero() && !d.isNegative(), "positive")
                    .withDescription(
                            "Unset for tumbling windows; set for hopping windows that start every slide"
                                    + " (at most window.size).");

    public static final ConfigKey<Duration> ALLOWED_LATENESS =
            ConfigKey.of("window.allowed-lateness", ValueType.duration())
                    .withDefault(Duration.ofMinutes(1))
                    .withRule(d -> !d.isNegative(), "zero or positive")
                    .withDescription(
                            "How long after a window's end a late reading still updates it (re-emitted"
                                    + " with revision + 1); later readings go to the too-late table.");

    public static final ConfigKey<Integer> HELD_SENSORS =
            ConfigKey.of("window.held-sensors", ValueType.nonNegativeInt())
                    .withDefault(100_000)
                    .withDescription(
                            "How many sensors' open windows the job holds in memory (a few hundred"
                                    + " bytes each); changed ones are written to the state backend before"
                                    + " each checkpoint, and when that many are held all are written and"
                                    + " read back when next needed; 0 reads and writes the state backend"
                                    + " for every reading.");

    public static final ConfigKey<InputFormat> INPUT_FORMAT =
            ConfigKey.of("input.format", ValueType.enumOf(InputFormat.class))
                    .withDefault(InputFormat.JSON)
                    .withDescription("Wire format of the readings: json or confluent-avro (schema registry).");

    public static final ConfigKey<String> SCHEMA_REGISTRY_URL =
            ConfigKey.of("schema-registry.url", ValueType.string())
                    .withDescription("Confluent Schema Registry URL; required when input.format is confluent-avro.");

    public static final ConfigKey<Duration> MAX_CLOCK_SKEW =
            ConfigKey.of("cleansing.max-future", ValueType.duration())
                    .withDefault(Duration.ofHours(1))
                    .withRule(d -> !d.isNegative(), "zero or positive")
                    .withDescription(
                            "A reading whose event time lies further than this in the future of the"
                                    + " ingestion time has an impossible timestamp and becomes a dead letter.");

    public static final ConfigKey<String> STATS_TABLE =
            ConfigKey.of("delta.stats.table", ValueType.string())
                    .withDescription(
                            "Delta table URI of the window statistics, e.g. s3://lake/sensor_window_stats;"
                                    + " partitioned by window_date.");

    public static final ConfigKey<String> DEAD_LETTER_TABLE =
            ConfigKey.of("delta.dead-letters.table", ValueType.string())
                    .withDescription("Delta table URI of the dead letters (bad input with reason and original bytes).");

    public static final ConfigKey<String> TOO_LATE_TABLE =
            ConfigKey.of("delta.too-late.table", ValueType.string())
                    .withDescription("Delta table URI of readings that arrived after their window closed for good.");

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

    public static final ConfigKey<Boolean> STATS_TO_KAFKA =
            ConfigKey.of("output.kafka.enabled", ValueType.bool())
                    .withDefault(false)
                    .withDescription(
                            "Also write the statistics to kafka.sink.topic, exactly-once (needs"
                                    + " kafka.bootstrap.servers and kafka.sink.transactional-id-prefix).");

    public static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .add(
                            WINDOW_SIZE,
                            WINDOW_SLIDE,
                            ALLOWED_LATENESS,
                            HELD_SENSORS,
                            INPUT_FORMAT,
                            SCHEMA_REGISTRY_URL,
                            MAX_CLOCK_SKEW,
                            STATS_TABLE,
                            DEAD_LETTER_TABLE,
                            TOO_LATE_TABLE,
                            DELTA_TARGET_FILE_SIZE,
                            DELTA_LOG_CHECKPOINT_INTERVAL,
                            DELTA_SCHEMA_EVOLUTION,
                            STATS_TO_KAFKA)
                    .build();

    private SensorStatsKeys() {}
}
