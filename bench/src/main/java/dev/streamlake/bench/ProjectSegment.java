package dev.streamlake.bench;

import dev.streamlake.core.source.EventSource;
import dev.streamlake.events.SensorReading;
import dev.streamlake.jobs.sensorstats.SensorReadingRules;
import dev.streamlake.jobs.sensorstats.SensorStatsJob;
import dev.streamlake.jobs.sensorstats.SensorStatsKeys;
import dev.streamlake.jobs.sensorstats.SensorStatsOutputs;
import dev.streamlake.jobs.sensorstats.WindowSpec;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.ValidatedFormat;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/**
 * P: the sensor window statistics job's own topology (cleansing rules, dead letters, dedup,
 * windows with allowed lateness and revisions, too-late side output) with discarding sinks.
 */
final class ProjectSegment extends Segment {

    /** The job's defaults: {@code window.allowed-lateness}, {@code window.held-sensors} and {@code cleansing.max-future}. */
    static final Duration ALLOWED_LATENESS = Duration.ofMinutes(1);

    static final Duration MAX_FUTURE = Duration.ofHours(1);

    ProjectSegment() {
        super("P", "project: SensorStatsJob topology (cleansing, dead letters, dedup, windows, late handling), discarding sinks", true, true);
    }

    @Override
    void build(StreamExecutionEnvironment env, SegmentInput input) {
        job(input.source(readingFormat()), input.window(), discardingOutputs()).build(env);
    }

    static SensorStatsJob job(EventSource<SensorReading> source, Duration window, SensorStatsOutputs outputs) {
        return new SensorStatsJob(
                WindowSpec.tumbling(window, ALLOWED_LATENESS),
                SensorStatsKeys.HELD_SENSORS.defaultValue().orElseThrow(),
                source,
                outputs);
    }

    /** The job's reading format: JSON with the cleansing rules applied while decoding. */
    static EventFormat<SensorReading> readingFormat() {
        return new ValidatedFormat<>(new JsonFormat<>(SensorReading.class), new SensorReadingRules(MAX_FUTURE));
    }

    private static SensorStatsOutputs discardingOutputs() {
        return new SensorStatsOutputs(new EndMarkingSink<>(), null, new EndMarkingSink<>(), new EndMarkingSink<>());
    }
}
