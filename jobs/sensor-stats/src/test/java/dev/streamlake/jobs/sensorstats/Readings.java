package dev.streamlake.jobs.sensorstats;

import dev.streamlake.events.SensorReading;

import java.time.Instant;

/** Readings for unit tests: a sensor, an event time in epoch milliseconds and a value. */
final class Readings {

    private Readings() {}

    static SensorReading reading(String sensor, long ts, double value) {
        return new SensorReading(sensor, Instant.ofEpochMilli(ts), value, "C", "site-1");
    }
}
