package dev.streamlake.jobs.sensorstats.e2e;

import dev.streamlake.core.generator.GeneratorSettings;

import java.time.Duration;
import java.time.Instant;

/**
 * The fleet whose readings the end-to-end tests send: 30 sensors, a reading every 50 ms of event
 * time over all of them, each up to 2 s behind its due time. With 10 s windows a sensor has about
 * 7 readings a window.
 */
final class SensorFleet {

    private SensorFleet() {}

    /** {@code count} readings, well-formed and on time unless the builder is told otherwise. */
    static GeneratorSettings.Builder readings(long count, long seed) {
        return GeneratorSettings.builder()
                .name("sensor-fleet")
                .seed(seed)
                .count(count)
                .keys(30)
                .startTime(Instant.parse("2024-03-01T00:00:00Z"))
                .eventInterval(Duration.ofMillis(50))
                .maxOutOfOrderness(Duration.ofSeconds(2))
                .lateShare(0)
                .malformedShare(0);
    }
}
