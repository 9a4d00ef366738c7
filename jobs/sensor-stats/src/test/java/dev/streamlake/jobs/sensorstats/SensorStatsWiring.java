package dev.streamlake.jobs.sensorstats;

import dev.streamlake.core.source.EventSource;
import dev.streamlake.events.SensorReading;

/**
 * Opens the job's production wiring to the end-to-end tests in {@code e2e}, so they run the job as
 * {@link SensorStatsMain} builds it from configuration.
 */
public final class SensorStatsWiring {

    private SensorStatsWiring() {}

    /** The job with the sources and sinks its configuration names. */
    public static SensorStatsJob fromConfiguration(SensorStatsConfig settings) {
        return SensorStatsMain.job(settings);
    }

    /** The source the configuration names, as the job builds it. */
    public static EventSource<SensorReading> source(SensorStatsConfig settings) {
        return SensorStatsMain.source(settings);
    }

    /** The job with the outputs its configuration names, reading from a test's source. */
    public static SensorStatsJob withSource(SensorStatsConfig settings, EventSource<SensorReading> source) {
        return new SensorStatsJob(settings.windows(), settings.heldSensors(), source, SensorStatsMain.outputs(settings));
    }
}
