package dev.streamlake.core.generator;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;

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
 * values out of range with a message naming the configuration key ({@link GeneratorKeys}).
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

    /**
     * The settings given by the {@code generator.*} keys of a job configuration whose schema
     * includes {@link GeneratorKeys#SCHEMA}.
     *
     * @throws InvalidConfigurationException naming the key whose value is out of range
     */
    public static GeneratorSettings from(JobConfig config) {
        return builder()
                .keysNamedBy(config)
                .name(config.get(GeneratorKeys.NAME))
                .seed(config.get(GeneratorKeys.SEED))
                .eventsPerSecond(config.get(GeneratorKeys.RATE))
                .count(config.get(GeneratorKeys.COUNT))
                .keys(config.get(GeneratorKeys.KEYS))
                .startTime(config.get(GeneratorKeys.START_TIME))
                .eventInterval(config.get(GeneratorKeys.EVENT_INTERVAL))
                .maxOutOfOrderness(config.get(GeneratorKeys.MAX_OUT_OF_ORDERNESS))
                .lateShare(config.get(GeneratorKeys.LATE_SHARE))
                .lateDelay(config.get(GeneratorKeys.LATE_DELAY))
                .malformedShare(config.get(GeneratorKeys.MALFORMED_SHARE))
                .build();
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

    /** When record 0 is due in event time. */
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

        /** The configuration the settings come from, which names the keys in messages; null when built in code. */
        private JobConfig keyNames;

        private Builder keysNamedBy(JobConfig config) {
            this.keyNames = config;
            return this;
        }

        private String name = GeneratorKeys.NAME.defaultValue().orElseThrow();
        private long seed = GeneratorKeys.SEED.defaultValue().orElseThrow();
        private double eventsPerSecond = GeneratorKeys.RATE.defaultValue().orElseThrow();
        private long count = GeneratorKeys.COUNT.defaultValue().orElseThrow();
        private int keys = GeneratorKeys.KEYS.defaultValue().orElseThrow();
        private Instant startTime = GeneratorKeys.START_TIME.defaultValue().orElseThrow();
        private Duration eventInterval = GeneratorKeys.EVENT_INTERVAL.defaultValue().orElseThrow();
        private Duration maxOutOfOrderness = GeneratorKeys.MAX_OUT_OF_ORDERNESS.defaultValue().orElseThrow();
        private double lateShare = GeneratorKeys.LATE_SHARE.defaultValue().orElseThrow();
        private Duration lateDelay = GeneratorKeys.LATE_DELAY.defaultValue().orElseThrow();
        private double malformedShare = GeneratorKeys.MALFORMED_SHARE.defaultValue().orElseThrow();

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

        /**
         * Checks the settings together.
         *
         * @throws InvalidConfigurationException naming the key at fault and what it allows
         */
        public GeneratorSettings build() {
            require(!name.isBlank(), GeneratorKeys.NAME, "must not be blank");
            require(Double.isFinite(eventsPerSecond) && eventsPerSecond >= 0, GeneratorKeys.RATE,
                    "must be 0 (as fast as possible) or a positive number of records per second, was "
                            + eventsPerSecond);
            require(count >= 0 && count <= GeneratorLanes.MAX_STEPS, GeneratorKeys.COUNT,
                    "must be 0 (without end) or a count up to " + GeneratorLanes.MAX_STEPS + ", was " + count);
            require(keys > 0, GeneratorKeys.KEYS, "must be at least 1, was " + keys);
            require(eventInterval.toMillis() >= 1, GeneratorKeys.EVENT_INTERVAL,
                    "must be at least 1ms, was " + eventInterval);
            require(!maxOutOfOrderness.isNegative(), GeneratorKeys.MAX_OUT_OF_ORDERNESS,
                    "must not be negative, was " + maxOutOfOrderness);
            require(isShare(lateShare), GeneratorKeys.LATE_SHARE, "must be between 0 and 1, was " + lateShare);
            require(lateShare == 0 || lateDelay.compareTo(maxOutOfOrderness) > 0, GeneratorKeys.LATE_DELAY,
                    "must be longer than " + nameOf(GeneratorKeys.MAX_OUT_OF_ORDERNESS) + " (" + maxOutOfOrderness
                            + ") so that late records are really late, was " + lateDelay);
            require(isShare(malformedShare), GeneratorKeys.MALFORMED_SHARE,
                    "must be between 0 and 1, was " + malformedShare);
            return new GeneratorSettings(this);
        }

        private static boolean isShare(double value) {
            return value >= 0 && value <= 1;
        }

        private void require(boolean condition, ConfigKey<?> key, String problem) {
            if (!condition) {
                throw new InvalidConfigurationException(nameOf(key) + " " + problem);
            }
        }

        /** The key as the user sets it: under an input's name when the settings come from one. */
        private String nameOf(ConfigKey<?> key) {
            return keyNames == null ? key.name() : keyNames.nameOf(key);
        }
    }
}
