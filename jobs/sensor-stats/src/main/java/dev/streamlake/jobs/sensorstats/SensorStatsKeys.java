package dev.streamlake.jobs.sensorstats;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;

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

    public static final ConfigKey<Duration> MAX_CLOCK_SKEW =
            ConfigKey.of("cleansing.max-future", ValueType.duration())
                    .withDefault(Duration.ofHours(1))
                    .withRule(d -> !d.isNegative(), "zero or positive")
                    .withDescription(
                            "A reading whose event time lies further than this in the future of the"
                                    + " ingestion time has an impossible timestamp and becomes a dead letter.");

    public static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .add(
                            WINDOW_SIZE,
                            WINDOW_SLIDE,
                            ALLOWED_LATENESS,
                            HELD_SENSORS,
                            MAX_CLOCK_SKEW)
                    .build();

    private SensorStatsKeys() {}
}
