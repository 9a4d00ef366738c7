package dev.streamlake.jobs.sensorstats;

import static dev.streamlake.jobs.sensorstats.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

class SensorReadingRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final SensorReadingRules rules =
            new SensorReadingRules(Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsAPlausibleReading() {
        assertThat(rules.violation(reading("s1", NOW.toEpochMilli(), 20.5))).isEmpty();
    }

    @Test
    void rejectsABlankSensorId() {
        assertThat(rules.violation(reading(" ", NOW.toEpochMilli(), 20.5)))
                .hasValue("the reading has no sensor id");
    }

    @Test
    void rejectsValuesThatAreNotFiniteNumbers() {
        assertThat(rules.violation(reading("s1", NOW.toEpochMilli(), Double.NaN)))
                .hasValue("the reading NaN is not a finite number");
        assertThat(rules.violation(reading("s1", NOW.toEpochMilli(), Double.NEGATIVE_INFINITY)))
                .hasValue("the reading -Infinity is not a finite number");
    }

    @Test
    void rejectsImpossibleEventTimes() {
        assertThat(rules.violation(reading("s1", 0, 1.0)))
                .hasValue("the event time 1970-01-01T00:00:00Z is before 2000-01-01T00:00:00Z");
        long tooFar = NOW.plus(Duration.ofHours(1)).toEpochMilli() + 1;
        assertThat(rules.violation(reading("s1", tooFar, 1.0)))
                .hasValue("the event time 2026-06-01T13:00:00.001Z is more than PT1H in the future");
        assertThat(rules.violation(reading("s1", tooFar - 1, 1.0))).isEmpty();
    }
}
