package dev.streamlake.jobs.sensorstats;

import dev.streamlake.events.SensorWindowStats;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

import java.time.Instant;

/**
 * Turns a window's running statistics into a {@link SensorWindowStats} row and numbers the
 * emissions of each window: the first firing (at the watermark) is revision 0, and each late
 * reading within the allowed lateness fires the window again with the next revision, so readers
 * keep the row with the highest revision per sensor and window.
 *
 * <p>The revision counter lives in per-window state, which Flink drops with the window once the
 * watermark passes its end plus the allowed lateness.
 */
public class SensorWindowStatsEmitter
        extends ProcessWindowFunction<SensorStatsAccumulator, SensorWindowStats, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    public static final String REVISIONS_METRIC = "windowRevisions";

    private static final ValueStateDescriptor<Integer> NEXT_REVISION =
            new ValueStateDescriptor<>("next-revision", Types.INT);

    private transient Counter revisions;

    @Override
    public void open(OpenContext openContext) {
        revisions = getRuntimeContext().getMetricGroup().counter(REVISIONS_METRIC);
    }

    @Override
    public void process(
            String sensorId,
            Context context,
            Iterable<SensorStatsAccumulator> results,
            Collector<SensorWindowStats> out)
            throws Exception {
        SensorStatsAccumulator stats = results.iterator().next();
        ValueState<Integer> nextRevision = context.windowState().getState(NEXT_REVISION);
        int revision = nextRevision.value() == null ? 0 : nextRevision.value();
        nextRevision.update(revision + 1);
        if (revision > 0) {
            revisions.inc();
        }
        TimeWindow window = context.window();
        out.collect(
                SensorWindowStats.newBuilder()
                        .setSensorId(sensorId)
                        .setSite(stats.site)
                        .setWindowStart(Instant.ofEpochMilli(window.getStart()))
                        .setWindowEnd(Instant.ofEpochMilli(window.getEnd()))
                        .setCount(stats.count)
                        .setMin(stats.min)
                        .setMax(stats.max)
                        .setMean(stats.mean)
                        .setStddev(stats.stddev())
                        .setFirstReading(stats.firstReading)
                        .setLastReading(stats.lastReading)
                        .setFirstTs(Instant.ofEpochMilli(stats.firstTs))
                        .setLastTs(Instant.ofEpochMilli(stats.lastTs))
                        .setRevision(revision)
                        .setEmittedAt(Instant.ofEpochMilli(context.currentProcessingTime()))
                        .build());
    }

    @Override
    public void clear(Context context) {
        context.windowState().getState(NEXT_REVISION).clear();
    }
}
