package dev.streamlake.jobs.sensorstats;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.ConfiguredSources;
import dev.streamlake.core.job.JobAssembly;
import dev.streamlake.core.source.EventSource;
import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.EventFormat;

import java.util.Map;

/** The job as production wires it, for the end-to-end tests in {@code e2e}. */
public final class SensorStatsWiring {

    private SensorStatsWiring() {}

    /** The job's configuration from raw values, checked as at start. */
    public static JobConfig config(Map<String, String> values) {
        return JobConfig.of(SensorStatsJob.DEFINITION.configSchema(), values);
    }

    /** The name of a key of the readings input, e.g. {@code readings.kafka.topics}. */
    public static String readingsKey(ConfigKey<?> key) {
        return SensorStatsJob.READINGS.name() + "." + key.name();
    }

    /** The configuration as the readings input sees it. */
    public static JobConfig readingsConfig(JobConfig config) {
        return config.scope(SensorStatsJob.READINGS.name());
    }

    /** The job with the sources and sinks its configuration names. */
    public static JobAssembly fromConfiguration(JobConfig config) {
        return JobAssembly.of(new SensorStatsJob(), config);
    }

    /** The source of readings the configuration names, as the job builds it. */
    public static EventSource<SensorReading> source(JobConfig config) {
        return ConfiguredSources.of(SensorStatsJob.DEFINITION, config, SensorStatsJob.READINGS);
    }

    /** The readings' format the configuration names, with the cleansing rules. */
    public static EventFormat<SensorReading> readingFormat(JobConfig config) {
        return ConfiguredSources.formatOf(SensorStatsJob.DEFINITION, config, SensorStatsJob.READINGS);
    }

    /** The job with the outputs its configuration names, reading from a test's source. */
    public static JobAssembly withSource(JobConfig config, EventSource<SensorReading> source) {
        return fromConfiguration(config).replacingSource(SensorStatsJob.READINGS, source);
    }
}
