package dev.streamlake.jobs.sensorstats;

import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.EventRule;
import dev.streamlake.serde.PlausibleEventTime;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What makes a well-formed reading unusable: no sensor id, a value that is not a finite number,
 * or an event time no sensor can have produced (before the year 2000, or further in the future
 * than the allowed clock skew).
 */
public final class SensorReadingRules implements EventRule<SensorReading> {

    private static final long serialVersionUID = 1L;


    private final PlausibleEventTime eventTime;

    public SensorReadingRules(Duration maxFuture) {
        this(maxFuture, Clock.systemUTC());
    }

    SensorReadingRules(Duration maxFuture, Clock clock) {
        this.eventTime = new PlausibleEventTime(maxFuture, clock);
    }

    @Override
    public Optional<String> violation(SensorReading reading) {
        if (reading.getSensorId() == null || reading.getSensorId().isBlank()) {
            return Optional.of("the reading has no sensor id");
        }
        if (!Double.isFinite(reading.getReading())) {
            return Optional.of("the reading " + reading.getReading() + " is not a finite number");
        }
        return eventTime.violation(reading.getTs());
    }
}
