package dev.streamlake.bench;

import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.SensorReadings;

import java.time.Duration;
import java.util.List;

/** The sensor window statistics job in the benchmark: per-sensor tumbling windows over sensor readings. */
final class SensorStatsBench extends BenchedJob {

    /** Event time between consecutive readings: a fleet sending 1000 readings per second. */
    static final Duration EVENT_INTERVAL = Duration.ofMillis(1);

    /** The job's goal of its own: events per CPU-second of P with heap state at this many sensors. */
    static final double GOAL_EVENTS_PER_CPU_SECOND = 300_000;
    static final int GOAL_SENSORS = 100_000;

    SensorStatsBench() {
        super("sensor-stats", "Sensor window statistics", "sensor", List.of(
                new CeilingSegment(SensorReadingEvents.INSTANCE),
                new SensorReferenceSegment(),
                new SensorSqlSegment(),
                new SensorProjectSegment()));
    }

    @Override
    List<Integer> defaultKeyCounts() {
        return List.of(1_000, 100_000, 1_000_000);
    }

    @Override
    EventPool pool(int sensors, long count) {
        return EventPool.generate(SensorReadings.generator(poolSettings(sensors, count)), SensorReadingEvents.INSTANCE);
    }

    /** The generator settings of a pool; the end-to-end run produces the same kind of records. */
    static GeneratorSettings poolSettings(int sensors, long count) {
        return EventPool.settings(sensors, count, EVENT_INTERVAL);
    }

    @Override
    List<String> describe(BenchSettings settings) {
        return List.of(
                "window: tumbling " + settings.window() + " in event time, one reading per millisecond of event time",
                "pool: fixed-seed generator records (seed " + EventPool.SEED + "), JSON, 1% malformed, 1% late by "
                        + "1 minute, out-of-order up to 2 s; every segment decodes the same bytes");
    }

    @Override
    boolean hasEndToEnd() {
        return true;
    }

    @Override
    List<String> ownGoals(SegmentStatistics statistics) {
        if (!statistics.has("P", StateKind.HEAP, GOAL_SENSORS)) {
            return List.of();
        }
        double p = statistics.medianEventsPerCpuSecond("P", StateKind.HEAP, GOAL_SENSORS);
        return List.of(String.format("P with heap state at %,d sensors: %,.0f events per CPU-second %s %,.0f)",
                GOAL_SENSORS, p, ReportWriter.verdict(p >= GOAL_EVENTS_PER_CPU_SECOND), GOAL_EVENTS_PER_CPU_SECOND));
    }
}
