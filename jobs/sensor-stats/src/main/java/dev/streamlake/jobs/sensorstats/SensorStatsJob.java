package dev.streamlake.jobs.sensorstats;

import dev.streamlake.core.deadletter.DecodedStreams;
import dev.streamlake.core.source.EventSource;
import dev.streamlake.core.watermark.KeyedEventTime;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;

import java.util.Objects;

/**
 * The sensor window statistics topology, built from injected source and sinks so tests can plug
 * in bounded inputs and collecting outputs while {@link SensorStatsMain} wires the real ones:
 *
 * <pre>
 * source → split dead letters → keyBy sensor → event time kept across recoveries → event-time windows
 *        (exact duplicates dropped, incremental statistics, revisions for late readings) → statistics sink(s)
 *   dead letters → dead-letter sink;  readings later than the allowed lateness → late sink
 * </pre>
 *
 * <p>Every stateful operator and every sink has a stable uid, so savepoints survive upgrades.
 */
public final class SensorStatsJob {

    /** Readings that arrive after their window closed for good (end + allowed lateness). */
    public static final OutputTag<SensorReading> TOO_LATE =
            new OutputTag<>("too-late-readings", SensorReadingTypeInfo.INSTANCE);

    private static final KeySelector<SensorReading, String> BY_SENSOR = SensorReading::getSensorId;

    private static final String WINDOW_STEP_UID = "sensor-window-statistics";

    private final WindowSpec windows;
    private final int heldSensors;
    private final EventSource<SensorReading> source;
    private final SensorStatsOutputs outputs;

    /**
     * @param heldSensors how many sensors' open windows the window step holds in memory
     *     ({@code window.held-sensors})
     */
    public SensorStatsJob(
            WindowSpec windows, int heldSensors, EventSource<SensorReading> source, SensorStatsOutputs outputs) {
        this.windows = Objects.requireNonNull(windows, "windows");
        this.heldSensors = heldSensors;
        this.source = Objects.requireNonNull(source, "source");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
    }

    /** Adds the whole pipeline to the environment. */
    public void build(StreamExecutionEnvironment env) {
        // No function here keeps or changes a record it was given, so chained operators may pass
        // records on as they are instead of deep-copying them at every step.
        env.getConfig().enableObjectReuse();
        DecodedStreams<SensorReading> decoded =
                DecodedStreams.split(source.createStream(env), SensorReadingTypeInfo.INSTANCE);

        SingleOutputStreamOperator<SensorWindowStats> stats =
                KeyedEventTime.keyBy(decoded.events(), BY_SENSOR, Types.STRING, WINDOW_STEP_UID)
                        .transform(
                                "Sensor window statistics",
                                TypeInformation.of(SensorWindowStats.class),
                                new SensorWindowStatsOperator(windows, heldSensors))
                        .uid(WINDOW_STEP_UID);

        stats.sinkTo(outputs.stats()).uid("stats-sink").name("Statistics sink");
        outputs.statsCopy()
                .ifPresent(copy -> stats.sinkTo(copy).uid("stats-copy-sink").name("Statistics copy sink"));

        decoded.deadLetters()
                .sinkTo(outputs.deadLetters())
                .uid("dead-letter-sink")
                .name("Dead-letter sink");

        stats.getSideOutput(TOO_LATE)
                .sinkTo(outputs.tooLate())
                .uid("too-late-sink")
                .name("Too-late readings sink");
    }

    static KeySelector<SensorReading, String> bySensor() {
        return BY_SENSOR;
    }
}
