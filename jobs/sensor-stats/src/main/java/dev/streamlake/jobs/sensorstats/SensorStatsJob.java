package dev.streamlake.jobs.sensorstats;

import dev.streamlake.core.deadletter.DecodedStreams;
import dev.streamlake.core.source.EventSource;
import dev.streamlake.core.watermark.WatermarkFloor;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.OutputTag;

import java.util.Objects;

/**
 * The sensor window statistics topology, built from injected source and sinks so tests can plug
 * in bounded inputs and collecting outputs while {@link SensorStatsMain} wires the real ones:
 *
 * <pre>
 * source → keep event time across recoveries → split dead letters → keyBy sensor → drop exact duplicates → event-time windows
 *        (incremental aggregate, revisions for late readings) → statistics sink(s)
 *   dead letters → dead-letter sink;  readings later than the allowed lateness → late sink
 * </pre>
 *
 * <p>Every stateful operator and every sink has a stable uid, so savepoints survive upgrades.
 */
public final class SensorStatsJob {

    /** Readings that arrive after their window closed for good (end + allowed lateness). */
    public static final OutputTag<SensorReading> TOO_LATE =
            new OutputTag<>("too-late-readings", TypeInformation.of(SensorReading.class));

    public static final String LATE_READINGS_METRIC = "tooLateReadings";

    private static final KeySelector<SensorReading, String> BY_SENSOR = SensorReading::getSensorId;

    private final WindowSpec windows;
    private final EventSource<SensorReading> source;
    private final SensorStatsOutputs outputs;

    public SensorStatsJob(WindowSpec windows, EventSource<SensorReading> source, SensorStatsOutputs outputs) {
        this.windows = Objects.requireNonNull(windows, "windows");
        this.source = Objects.requireNonNull(source, "source");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
    }

    /** Adds the whole pipeline to the environment. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<Decoded<SensorReading>> input = source.createStream(env);
        DataStream<Decoded<SensorReading>> inOrder =
                input.transform("Restore watermark after recovery", input.getType(), new WatermarkFloor<>())
                        .uid("watermark-floor");
        DecodedStreams<SensorReading> decoded =
                DecodedStreams.split(inOrder, TypeInformation.of(SensorReading.class));

        DataStream<SensorReading> unique =
                decoded.events()
                        .keyBy(BY_SENSOR, Types.STRING)
                        .process(new DuplicateReadingFilter(windows.retention()))
                        .uid("drop-duplicate-readings")
                        .name("Drop duplicate readings");

        // The filter keeps the sensor partitioning: re-key without a second network shuffle.
        KeyedStream<SensorReading, String> bySensor =
                DataStreamUtils.reinterpretAsKeyedStream(unique, BY_SENSOR, Types.STRING);

        SingleOutputStreamOperator<SensorWindowStats> stats = windowStats(bySensor, windows);

        stats.sinkTo(outputs.stats()).uid("stats-sink").name("Statistics sink");
        outputs.statsCopy()
                .ifPresent(copy -> stats.sinkTo(copy).uid("stats-copy-sink").name("Statistics copy sink"));

        decoded.deadLetters()
                .sinkTo(outputs.deadLetters())
                .uid("dead-letter-sink")
                .name("Dead-letter sink");

        stats.getSideOutput(TOO_LATE)
                .map(new CountingPassThrough<SensorReading>(LATE_READINGS_METRIC))
                .returns(TypeInformation.of(SensorReading.class))
                .uid("count-too-late-readings")
                .name("Count too-late readings")
                .sinkTo(outputs.tooLate())
                .uid("too-late-sink")
                .name("Too-late readings sink");
    }

    /** The windowed statistics of readings keyed by sensor; too-late readings go to {@link #TOO_LATE}. */
    static SingleOutputStreamOperator<SensorWindowStats> windowStats(
            KeyedStream<SensorReading, String> bySensor, WindowSpec windows) {
        return bySensor.window(assigner(windows))
                .allowedLateness(windows.allowedLateness())
                .sideOutputLateData(TOO_LATE)
                .aggregate(
                        new SensorStatsAggregate(),
                        new SensorWindowStatsEmitter(),
                        TypeInformation.of(SensorStatsAccumulator.class),
                        TypeInformation.of(SensorStatsAccumulator.class),
                        TypeInformation.of(SensorWindowStats.class))
                .uid("sensor-window-stats")
                .name("Sensor window statistics");
    }

    private static WindowAssigner<Object, TimeWindow> assigner(WindowSpec windows) {
        return windows.slide().isPresent()
                ? SlidingEventTimeWindows.of(windows.size(), windows.slide().get())
                : TumblingEventTimeWindows.of(windows.size());
    }

    static KeySelector<SensorReading, String> bySensor() {
        return BY_SENSOR;
    }
}
