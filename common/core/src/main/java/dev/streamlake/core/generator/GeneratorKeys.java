package dev.streamlake.core.generator;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;

import java.time.Duration;
import java.time.Instant;

/**
 * Configuration keys of the event generator ({@code generator.*}); their defaults are the
 * defaults of {@link GeneratorSettings}. The allowed ranges are checked in one place, {@link
 * GeneratorSettings.Builder#build()}, since some keys limit others.
 */
public final class GeneratorKeys {

    private static final ValueType<Long> WHOLE_NUMBER =
            ValueType.of("a whole number", GeneratorKeys::parseLong, String::valueOf);

    public static final ConfigKey<String> NAME =
            ConfigKey.of("generator.name", ValueType.string())
                    .withDefault("generator")
                    .withDescription("Name of the generator, recorded as the origin of every record and dead letter.");

    public static final ConfigKey<Long> SEED =
            ConfigKey.of("generator.seed", WHOLE_NUMBER)
                    .withDefault(42L)
                    .withDescription("Seed of the generator: the same seed gives the same records.");

    public static final ConfigKey<Double> RATE =
            ConfigKey.of("generator.rate", ValueType.decimal())
                    .withDefault(100.0)
                    .withDescription("Records per second over all parallel readers; 0 for as fast as possible.");

    public static final ConfigKey<Long> COUNT =
            ConfigKey.of("generator.count", WHOLE_NUMBER)
                    .withDefault(0L)
                    .withDescription("How many records in total; 0 for without end.");

    public static final ConfigKey<Integer> KEYS =
            ConfigKey.of("generator.keys", ValueType.positiveInt())
                    .withDefault(100)
                    .withDescription("How many distinct keys (e.g. sensors) the records spread over.");

    public static final ConfigKey<Instant> START_TIME =
            ConfigKey.of("generator.start-time", ValueType.instant())
                    .withDefault(Instant.parse("2024-01-01T00:00:00Z"))
                    .withDescription("When the first record is due in event time; each next one is due an interval later.");

    public static final ConfigKey<Duration> EVENT_INTERVAL =
            ConfigKey.of("generator.event-interval", ValueType.duration())
                    .withDefault(Duration.ofMillis(10))
                    .withDescription("Event time between two consecutive records.");

    public static final ConfigKey<Duration> MAX_OUT_OF_ORDERNESS =
            ConfigKey.of("generator.max-out-of-orderness", ValueType.duration())
                    .withDefault(Duration.ofSeconds(2))
                    .withDescription("How far an on-time record's event time may lie behind its due time.");

    public static final ConfigKey<Double> LATE_SHARE =
            ConfigKey.of("generator.late-share", ValueType.decimal())
                    .withDefault(0.01)
                    .withDescription("Share of records whose event time lies generator.late-delay behind.");

    public static final ConfigKey<Duration> LATE_DELAY =
            ConfigKey.of("generator.late-delay", ValueType.duration())
                    .withDefault(Duration.ofMinutes(1))
                    .withDescription(
                            "How far behind its due time a late record's event time lies; longer than "
                                    + "generator.max-out-of-orderness.");

    public static final ConfigKey<Double> MALFORMED_SHARE =
            ConfigKey.of("generator.malformed-share", ValueType.decimal())
                    .withDefault(0.01)
                    .withDescription("Share of records replaced by malformed bytes of many kinds.");

    public static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .add(NAME, SEED, RATE, COUNT, KEYS, START_TIME, EVENT_INTERVAL)
                    .add(MAX_OUT_OF_ORDERNESS, LATE_SHARE, LATE_DELAY, MALFORMED_SHARE)
                    .build();

    private GeneratorKeys() {}

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number", e);
        }
    }
}
