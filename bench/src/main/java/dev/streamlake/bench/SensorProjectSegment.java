package dev.streamlake.bench;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.JobAssembly;
import dev.streamlake.events.SensorReading;
import dev.streamlake.jobs.sensorstats.SensorReadingRules;
import dev.streamlake.jobs.sensorstats.SensorStatsJob;
import dev.streamlake.jobs.sensorstats.SensorStatsKeys;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.ValidatedFormat;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * P: the sensor window statistics job's own topology (cleansing rules, dead letters, dedup,
 * windows with allowed lateness and revisions, too-late side output) with discarding sinks.
 */
final class SensorProjectSegment extends Segment {

    /** The job's defaults: {@code window.allowed-lateness}, {@code window.held-sensors} and {@code cleansing.max-future}. */
    static final Duration ALLOWED_LATENESS = Duration.ofMinutes(1);

    static final Duration MAX_FUTURE = Duration.ofHours(1);

    SensorProjectSegment() {
        super("P", "project: SensorStatsJob topology (cleansing, dead letters, dedup, windows, late handling), discarding sinks", true, true);
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        JobAssembly.of(new SensorStatsJob(), config(input.window()))
                .replacingSource(SensorStatsJob.READINGS, input.source(SensorReadingEvents.INSTANCE, readingFormat()))
                .replacingTables(DiscardingTables.INSTANCE)
                .addTo(env);
    }

    /** The job's configuration with the given window and the job's defaults otherwise. */
    static JobConfig config(Duration window, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(more);
        values.put(SensorStatsKeys.WINDOW_SIZE.name(), window.toMillis() + "ms");
        values.put(SensorStatsKeys.ALLOWED_LATENESS.name(), ALLOWED_LATENESS.toMillis() + "ms");
        values.putIfAbsent("readings.source.type", "generator");
        return JobConfig.of(SensorStatsJob.DEFINITION.configSchema(), values);
    }

    private static JobConfig config(Duration window) {
        return config(window, Map.of());
    }

    /** The job's reading format: JSON with the cleansing rules applied while decoding. */
    static EventFormat<SensorReading> readingFormat() {
        return new ValidatedFormat<>(new JsonFormat<>(SensorReading.class), new SensorReadingRules(MAX_FUTURE));
    }
}
