package dev.streamlake.jobs.sensorstats;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.SensorReadings;
import dev.streamlake.core.job.Input;
import dev.streamlake.core.job.InputFormat;
import dev.streamlake.core.job.JobContext;
import dev.streamlake.core.job.JobDefinition;
import dev.streamlake.core.job.LocalTables;
import dev.streamlake.core.job.StreamJob;
import dev.streamlake.core.job.StreamOutput;
import dev.streamlake.core.job.Table;
import dev.streamlake.core.watermark.KeyedEventTime;
import dev.streamlake.delta.PartitionColumn;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Per-sensor window statistics:
 *
 * <pre>
 * readings → keyBy sensor → event time kept across recoveries → event-time windows (exact
 *   duplicates dropped, incremental statistics, revisions for late readings) → stats (Delta), stats-copy (stream)
 *   readings later than the allowed lateness → too-late (Delta); bad readings → dead letters (by the skeleton)
 * </pre>
 */
public final class SensorStatsJob implements StreamJob {

    public static final Input<SensorReading> READINGS =
            Input.of("readings", SensorReading.class, reading -> reading.getTs().toEpochMilli())
                    .typeInfo(SensorReadingTypeInfo.INSTANCE)
                    .formats(InputFormat.JSON, InputFormat.CONFLUENT_AVRO)
                    .rules(config -> new SensorReadingRules(config.get(SensorStatsKeys.MAX_CLOCK_SKEW)))
                    .generator((config, format) -> SensorReadings.generator(GeneratorSettings.from(config), format).source())
                    .build();

    public static final Table<SensorWindowStats> STATS =
            Table.of("stats", SensorWindowStats.class, "window statistics")
                    .partitionedBy(PartitionColumn.dateOf("window_date", "window_start"))
                    .locallyNamed("sensor_window_stats");

    public static final Table<SensorReading> TOO_LATE_TABLE =
            Table.of("too-late", SensorReading.class, "readings that arrived after their window closed for good")
                    .partitionedBy(PartitionColumn.dateOf("event_date", "ts"))
                    .locallyNamed("sensor_too_late_readings");

    public static final StreamOutput<SensorWindowStats> STATS_COPY =
            StreamOutput.of("stats-copy", SensorWindowStats.class, SensorWindowStats::getSensorId);

    public static final JobDefinition DEFINITION =
            JobDefinition.builder("sensor-stats")
                    .input(READINGS)
                    .table(STATS)
                    .table(TOO_LATE_TABLE)
                    .output(STATS_COPY)
                    .keys(SensorStatsKeys.SCHEMA)
                    .deadLettersLocallyNamed("sensor_dead_letters")
                    .build();

    /** Readings that arrive after their window closed for good (end + allowed lateness). */
    public static final OutputTag<SensorReading> TOO_LATE =
            new OutputTag<>("too-late-readings", SensorReadingTypeInfo.INSTANCE);

    private static final KeySelector<SensorReading, String> BY_SENSOR = SensorReading::getSensorId;

    private static final String WINDOW_STEP_UID = "sensor-window-statistics";

    @Override
    public JobDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void build(JobContext context) {
        JobConfig config = context.config();
        DataStream<SensorReading> readings = context.read(READINGS);

        SingleOutputStreamOperator<SensorWindowStats> stats =
                KeyedEventTime.keyBy(readings, BY_SENSOR, Types.STRING, WINDOW_STEP_UID)
                        .transform(
                                "Sensor window statistics",
                                TypeInformation.of(SensorWindowStats.class),
                                new SensorWindowStatsOperator(windows(config), config.get(SensorStatsKeys.HELD_SENSORS)))
                        .uid(WINDOW_STEP_UID);

        context.write(stats, STATS);
        context.send(stats, STATS_COPY);
        context.write(stats.getSideOutput(TOO_LATE), TOO_LATE_TABLE);
    }

    /** The windows {@code window.*} describe; a slide longer than the window fails, naming both keys. */
    static WindowSpec windows(JobConfig config) {
        Duration size = config.get(SensorStatsKeys.WINDOW_SIZE);
        Duration lateness = config.get(SensorStatsKeys.ALLOWED_LATENESS);
        if (!config.isSet(SensorStatsKeys.WINDOW_SLIDE)) {
            return WindowSpec.tumbling(size, lateness);
        }
        Duration slide = config.get(SensorStatsKeys.WINDOW_SLIDE);
        if (slide.compareTo(size) > 0) {
            throw new InvalidConfigurationException(
                    "Configuration key '" + SensorStatsKeys.WINDOW_SLIDE.name() + "' (" + slide
                            + ") must not be longer than '" + SensorStatsKeys.WINDOW_SIZE.name() + "' (" + size + ").");
        }
        return WindowSpec.hopping(size, slide, lateness);
    }

    @Override
    public void summarise(LocalTables tables, PrintStream out) {
        StatisticsSummary.print(tables.rows(STATS), out);
    }

    static KeySelector<SensorReading, String> bySensor() {
        return BY_SENSOR;
    }
}
