package dev.streamlake.core.generator;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the event generator makes: how many records, how fast, over how many keys, and how much
 * disorder, lateness and garbage they carry.
 *
 * <p>Event times come from the record index, never from the wall clock: record {@code i} is due
 * at {@code startTime + i * eventInterval}, so the same settings give the same events on every
 * run, whatever the rate. Build with {@link #builder()}; {@link Builder#build()} rejects
 * inconsistent values with a message naming the configuration key.
 */
public final class GeneratorSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final long seed;
    private final double eventsPerSecond;
    private final long count;
    private final int keys;
    private final Instant startTime;
    private final Duration eventInterval;
    private final Duration maxOutOfOrderness;
    private final double lateShare;
    private final Duration lateDelay;
    private final double malformedShare;

    private GeneratorSettings(Builder builder) {
        this.name = builder.name;
        this.seed = builder.seed;
        this.eventsPerSecond = builder.eventsPerSecond;
        this.count = builder.count;
        this.keys = builder.keys;
        this.startTime = builder.startTime;
        this.eventInterval = builder.eventInterval;
        this.maxOutOfOrderness = builder.maxOutOfOrderness;
        this.lateShare = builder.lateShare;
        this.lateDelay = builder.lateDelay;
        this.malformedShare = builder.malformedShare;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change a few of them. */
    public Builder toBuilder() {
        return new Builder()
                .name(name)
                .seed(seed)
                .eventsPerSecond(eventsPerSecond)
                .count(count)
                .keys(keys)
                .startTime(startTime)
                .eventInterval(eventInterval)
                .maxOutOfOrderness(maxOutOfOrderness)
                .lateShare(lateShare)
                .lateDelay(lateDelay)
                .malformedShare(malformedShare);
    }

    /** Names the generator in the origin of every record, e.g. in dead letters. */
    public String name() {
        return name;
    }

    public long seed() {
        return seed;
    }

    /** Records per second over all parallel readers; 0 means as fast as possible. */
    public double eventsPerSecond() {
        return eventsPerSecond;
    }

    /** How many records in total; 0 means without end. */
    public long count() {
        return count;
    }

    public boolean isUnbounded() {
        return count == 0;
    }

    /** How many distinct keys (e.g. sensors) the events spread over. */
    public int keys() {
        return keys;
    }

    /** Event time of record 0. */
    public Instant startTime() {
        return startTime;
    }

    /** Event time between two consecutive records. */
    public Duration eventInterval() {
        return eventInterval;
    }

    /** How far an on-time record's event time may lie behind its due time. */
    public Duration maxOutOfOrderness() {
        return maxOutOfOrderness;
    }

    /** Share of records, 0 to 1, whose event time lies {@link #lateDelay()} behind. */
    public double lateShare() {
        return lateShare;
    }

    public Duration lateDelay() {
        return lateDelay;
    }

    /** Share of records, 0 to 1, replaced by malformed bytes. */
    public double malformedShare() {
        return malformedShare;
    }

    @Override
    public String toString() {
        return "GeneratorSettings{name=" + name
                + ", seed=" + seed
                + ", eventsPerSecond=" + eventsPerSecond
                + ", count=" + count
                + ", keys=" + keys
                + ", startTime=" + startTime
                + ", eventInterval=" + eventInterval
                + ", maxOutOfOrderness=" + maxOutOfOrderness
                + ", lateShare=" + lateShare
                + ", lateDelay=" + lateDelay
                + ", malformedShare=" + malformedShare
                + "}";
    }

    /** Collects settings; every value has a default fit for a local run. */
    public static final class Builder {

        private String name = "generator";
        private long seed = 42L;
        private double eventsPerSecond = 100;
        private long count = 0;
        private int keys = 100;
        private Instant startTime = Instant.parse("2024-01-01T00:00:00Z");
        private Duration eventInterval = Duration.ofMillis(10);
        private Duration maxOutOfOrderness = Duration.ofSeconds(2);
        private double lateShare = 0.01;
        private Duration lateDelay = Duration.ofMinutes(1);
        private double malformedShare = 0.01;

        private Builder() {}

        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder eventsPerSecond(double value) {
            this.eventsPerSecond = value;
            return this;
        }

        public Builder count(long value) {
            this.count = value;
            return this;
        }

        public Builder keys(int value) {
            this.keys = value;
            return this;
        }

        public Builder startTime(Instant value) {
            this.startTime = Objects.requireNonNull(value, "startTime");
            return this;
        }

        public Builder eventInterval(Duration value) {
            this.eventInterval = Objects.requireNonNull(value, "eventInterval");
            return this;
        }

        public Builder maxOutOfOrderness(Duration value) {
            this.maxOutOfOrderness = Objects.requireNonNull(value, "maxOutOfOrderness");
            return this;
        }

        public Builder lateShare(double value) {
            this.lateShare = value;
            return this;
        }

        public Builder lateDelay(Duration value) {
            this.lateDelay = Objects.requireNonNull(value, "lateDelay");
            return this;
        }

        public Builder malformedShare(double value) {
            this.malformedShare = value;
            return this;
        }

        /** Checks the settings together; the message names the configuration key at fault. */
        public GeneratorSettings build() {
            require(!name.isBlank(), GeneratorKeys.NAME, "must not be blank");
            require(eventsPerSecond >= 0 && Double.isFinite(eventsPerSecond), GeneratorKeys.RATE,
                    "must be 0 (as fast as possible) or a positive number of events per second, was " + eventsPerSecond);
            require(count >= 0, GeneratorKeys.COUNT, "must be 0 (without end) or a positive count, was " + count);
            require(keys > 0, GeneratorKeys.KEYS, "must be at least 1, was " + keys);
            require(eventInterval.toMillis() >= 1, GeneratorKeys.EVENT_INTERVAL,
                    "must be at least 1 ms, was " + eventInterval);
            require(!maxOutOfOrderness.isNegative(), GeneratorKeys.MAX_OUT_OF_ORDERNESS,
                    "must not be negative, was " + maxOutOfOrderness);
            require(isShare(lateShare), GeneratorKeys.LATE_SHARE, "must be between 0 and 1, was " + lateShare);
            require(lateShare == 0 || lateDelay.compareTo(maxOutOfOrderness) > 0, GeneratorKeys.LATE_DELAY,
                    "must be longer than " + GeneratorKeys.MAX_OUT_OF_ORDERNESS + " (" + maxOutOfOrderness
                            + ") so that late events are really late, was " + lateDelay);
            require(isShare(malformedShare), GeneratorKeys.MALFORMED_SHARE,
                    "must be between 0 and 1, was " + malformedShare);
            return new GeneratorSettings(this);
        }

        private static boolean isShare(double value) {
            return value >= 0 && value <= 1;
        }

        private static void require(boolean condition, String key, String problem) {
            if (!condition) {
                throw new IllegalArgumentException(key + " " + problem);
            }
        }
    }
}
