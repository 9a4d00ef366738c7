package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;

import java.time.Duration;

/**
 * The card anomaly job's own configuration keys: cleansing, features and the initial rules
 * ({@code detection.*}, version 0 of each rule; the {@code rules} input changes them live).
 */
public final class CardAnomaliesKeys {

    public static final ConfigKey<Duration> MAX_CLOCK_SKEW =
            ConfigKey.of("cleansing.max-future", ValueType.duration())
                    .withDefault(Duration.ofHours(1))
                    .withRule(d -> !d.isNegative(), "zero or positive")
                    .withDescription(
                            "An authorisation whose event time lies further than this in the future of the"
                                    + " ingestion time has an impossible timestamp and becomes a dead letter.");

    public static final ConfigKey<Duration> BASELINE_LENGTH =
            ConfigKey.of("baseline.length", ValueType.duration())
                    .withDefault(Duration.ofDays(7))
                    .withRule(d -> positive(d) && d.toMillis() % Duration.ofHours(1).toMillis() == 0, "whole hours")
                    .withDescription(
                            "Whole hours of amounts before the current hour that a card's baseline (mean,"
                                    + " deviation) covers; a card idle for longer is forgotten.");

    public static final ConfigKey<Duration> RECENT_WINDOW =
            ConfigKey.of("features.recent-window", ValueType.duration())
                    .withDefault(Duration.ofMinutes(10))
                    .withRule(CardAnomaliesKeys::positive, "positive")
                    .withDescription("The window of a transaction's recent_count: the card's earlier attempts this long before it.");

    public static final ConfigKey<Duration> VELOCITY_WINDOW =
            ConfigKey.of("features.velocity-window", ValueType.duration())
                    .withDefault(Duration.ofSeconds(5))
                    .withRule(CardAnomaliesKeys::positive, "positive")
                    .withDescription("The tumbling window of a transaction's velocity_count.");

    public static final ConfigKey<Integer> HELD_CARDS =
            ConfigKey.of("detector.held-cards", ValueType.nonNegativeInt())
                    .withDefault(100_000)
                    .withDescription(
                            "How many cards' state the card detector holds in memory with RocksDB state"
                                    + " (about a kilobyte each with a week of history); changed ones are written"
                                    + " to the state backend before each checkpoint, and when that many are held"
                                    + " all are written and read back when next needed; 0 reads and writes the"
                                    + " state backend for every authorisation. With heap state every card is"
                                    + " held, since the backend keeps them all in memory anyway, and a copy of each"
                                    + " changed one is written before each checkpoint.");

    public static final ConfigKey<Duration> SUPPRESSION =
            ConfigKey.of("detection.suppression", ValueType.duration())
                    .withDefault(Duration.ofMinutes(10))
                    .withRule(d -> !d.isNegative(), "zero or positive")
                    .withDescription(
                            "At most one alert per card and rule in this much event time; a rule version's"
                                    + " suppression_ms overrides it; 0 suppresses nothing.");

    public static final ConfigKey<Boolean> VELOCITY_ENABLED = enabled("velocity");
    public static final ConfigKey<Integer> VELOCITY_MAX = maxAttempts("velocity", 3, "attempts of a card");
    public static final ConfigKey<Duration> VELOCITY_SIZE = window("velocity", Duration.ofSeconds(5));
    public static final ConfigKey<Duration> VELOCITY_SLIDE = slide("velocity");

    public static final ConfigKey<Boolean> DECLINED_ENABLED = enabled("declined-velocity");
    public static final ConfigKey<Integer> DECLINED_MAX =
            maxAttempts("declined-velocity", 3, "declined attempts of a card");
    public static final ConfigKey<Duration> DECLINED_SIZE = window("declined-velocity", Duration.ofMinutes(1));
    public static final ConfigKey<Duration> DECLINED_SLIDE = slide("declined-velocity");

    public static final ConfigKey<Boolean> SPIKE_ENABLED = enabled("amount-spike");
    public static final ConfigKey<Double> SPIKE_FACTOR =
            ConfigKey.of("detection.amount-spike.factor", ValueType.decimal())
                    .withDefault(5.0)
                    .withRule(f -> f >= 0, "zero or positive")
                    .withDescription("An alert when an amount exceeds the card's baseline mean this many times; 0 for none.");
    public static final ConfigKey<Double> SPIKE_Z_SCORE =
            ConfigKey.of("detection.amount-spike.z-score", ValueType.decimal())
                    .withDefault(4.0)
                    .withRule(z -> z >= 0, "zero or positive")
                    .withDescription(
                            "An alert when an amount lies this many standard deviations above the card's"
                                    + " baseline mean; 0 for none.");
    public static final ConfigKey<Integer> SPIKE_MIN_DAYS =
            ConfigKey.of("detection.amount-spike.min-history-days", ValueType.nonNegativeInt())
                    .withDefault(3)
                    .withDescription("Days of history a card needs before amount spikes are judged.");

    public static final ConfigKey<Boolean> RECENT_ENABLED = enabled("recent-count");
    public static final ConfigKey<Integer> RECENT_MAX =
            ConfigKey.of("detection.recent-count.max-attempts", ValueType.nonNegativeInt())
                    .withDefault(20)
                    .withDescription("An alert when a card had more earlier attempts than this in features.recent-window.");

    public static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .add(MAX_CLOCK_SKEW, BASELINE_LENGTH, RECENT_WINDOW, VELOCITY_WINDOW, HELD_CARDS, SUPPRESSION)
                    .add(VELOCITY_ENABLED, VELOCITY_MAX, VELOCITY_SIZE, VELOCITY_SLIDE)
                    .add(DECLINED_ENABLED, DECLINED_MAX, DECLINED_SIZE, DECLINED_SLIDE)
                    .add(SPIKE_ENABLED, SPIKE_FACTOR, SPIKE_Z_SCORE, SPIKE_MIN_DAYS)
                    .add(RECENT_ENABLED, RECENT_MAX)
                    .build();

    private CardAnomaliesKeys() {}

    private static boolean positive(Duration d) {
        return !d.isZero() && !d.isNegative();
    }

    private static ConfigKey<Boolean> enabled(String rule) {
        return ConfigKey.of("detection." + rule + ".enabled", ValueType.bool())
                .withDefault(true)
                .withDescription("Whether the " + rule + " rule is on from the start (version 0).");
    }

    private static ConfigKey<Integer> maxAttempts(String rule, int defaultValue, String what) {
        return ConfigKey.of("detection." + rule + ".max-attempts", ValueType.positiveInt())
                .withDefault(defaultValue)
                .withDescription("An alert when more " + what + " than this fall in one detection." + rule + ".window.");
    }

    private static ConfigKey<Duration> window(String rule, Duration defaultValue) {
        return ConfigKey.of("detection." + rule + ".window", ValueType.duration())
                .withDefault(defaultValue)
                .withRule(CardAnomaliesKeys::positive, "positive")
                .withDescription("The event-time window of the " + rule + " rule.");
    }

    private static ConfigKey<Duration> slide(String rule) {
        return ConfigKey.of("detection." + rule + ".slide", ValueType.duration())
                .withRule(CardAnomaliesKeys::positive, "positive")
                .withDescription(
                        "Unset for tumbling windows; set for sliding windows of the " + rule
                                + " rule that start every slide (at most its window).");
    }
}
