package dev.streamlake.jobs.sensorstats;

import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.EventRule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What makes a well-formed reading unusable: no sensor id, a value that is not a finite number,
 * or an event time no sensor can have produced (before the year 2000, or further in the future
 * than the allowed clock skew).
 */
public final class SensorReadingRules implements EventRule<SensorReading> {

    private static final long serialVersionUID = 1L;

    /** No sensor of this job's era reports readings from before this time. */
    public static final Instant EARLIEST_PLAUSIBLE = Instant.parse("2000-01-01T00:00:00Z");

    private final Duration maxFuture;
    private final Clock clock;

    public SensorReadingRules(Duration maxFuture) {
        this(maxFuture, Clock.systemUTC());
    }

    SensorReadingRules(Duration maxFuture, Clock clock) {
        this.maxFuture = maxFuture;
        this.clock = clock;
    }

    @Override
    public Optional<String> violation(SensorReading reading) {
        if (reading.getSensorId() == null || reading.getSensorId().isBlank()) {
            return Optional.of("the reading has no sensor id");
        }
        if (!Double.isFinite(reading.getReading())) {
            return Optional.of("the reading " + reading.getReading() + " is not a finite number");
        }
        Instant ts = reading.getTs();
        if (ts.isBefore(EARLIEST_PLAUSIBLE)) {
            return Optional.of("the event time " + ts + " is before " + EARLIEST_PLAUSIBLE);
        }
        Instant latest = clock.instant().plus(maxFuture);
        if (ts.isAfter(latest)) {
            return Optional.of("the event time " + ts + " is more than " + maxFuture + " in the future");
        }
        return Optional.empty();
    }
}
