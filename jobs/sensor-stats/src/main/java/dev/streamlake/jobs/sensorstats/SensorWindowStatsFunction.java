package dev.streamlake.jobs.sensorstats;

import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;

/**
 * One sensor's event-time window statistics, with exact duplicates dropped and late readings
 * revising their windows, in a single keyed step.
 *
 * <p>For each reading, in this order:
 *
 * <ol>
 *   <li>if every window that covers it is gone (the watermark reached its end - 1 + allowed
 *       lateness), it is too late and goes to {@link SensorStatsJob#TOO_LATE};
 *   <li>if a reading with the same event time and value was already counted, it is a duplicate
 *       (sensors and gateways retry; a retried reading must not count twice);
 *   <li>otherwise it is added to each open window that covers it; a window that has already fired
 *       is emitted again at once with the next revision.
 * </ol>
 *
 * <p>A window fires with revision 0 when the watermark reaches its end - 1 and is dropped, with
 * the readings that only it still covered, when the watermark reaches end - 1 + allowed lateness.
 * So a reading is remembered for duplicates exactly as long as it could still change a window.
 *
 * <p>Why one function rather than a duplicate filter before Flink's window operator: that pair
 * registered a timer per reading and touched the window state and two trigger timers per
 * reading. Here a reading costs one state access for the sensor's open windows, plus one for its
 * event time when its newest window is open already, and timers exist per window, registered
 * when the window opens.
 */
public class SensorWindowStatsFunction extends KeyedProcessFunction<String, SensorReading, SensorWindowStats> {

    private static final long serialVersionUID = 1L;

    public static final String DUPLICATES_METRIC = "duplicateReadings";
    public static final String REVISIONS_METRIC = "windowRevisions";
    public static final String TOO_LATE_METRIC = "tooLateReadings";

    private final long size;
    private final long slide;
    private final long lateness;

    private transient ValueState<SensorWindows> openWindows;
    /**
     * The values counted at each event time that an open window still covers, except the readings
     * that opened their newest window: those windows remember them.
     */
    private transient MapState<Long, double[]> counted;

    private transient Counter duplicates;
    private transient Counter revisions;
    private transient Counter tooLate;

    public SensorWindowStatsFunction(WindowSpec spec) {
        this.size = spec.size().toMillis();
        this.slide = spec.slide().orElse(spec.size()).toMillis();
        this.lateness = spec.allowedLateness().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        openWindows =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("open-windows", SensorWindowsSerializer.INSTANCE));
        counted =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "counted-values",
                                        Types.LONG,
                                        PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        duplicates = getRuntimeContext().getMetricGroup().counter(DUPLICATES_METRIC);
        revisions = getRuntimeContext().getMetricGroup().counter(REVISIONS_METRIC);
        tooLate = getRuntimeContext().getMetricGroup().counter(TOO_LATE_METRIC);
    }

    @Override
    public void processElement(SensorReading reading, Context ctx, Collector<SensorWindowStats> out)
            throws Exception {
        long ts = reading.getTs().toEpochMilli();
        long watermark = ctx.timerService().currentWatermark();
        long newestEnd = Math.floorDiv(ts, slide) * slide + size;
        if (isGone(newestEnd, watermark)) {
            tooLate.inc();
            ctx.output(SensorStatsJob.TOO_LATE, reading);
            return;
        }
        SensorWindows sensor = openWindows.value();
        if (sensor == null) {
            sensor = new SensorWindows();
        }
        double value = reading.getReading();
        OpenWindow newest = sensor.find(newestEnd);
        if (newest != null && (newest.remembers(ts, value) || !countOnce(sensor, ts, value))) {
            duplicates.inc();
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        for (long end = newestEnd; end > ts && !isGone(end, watermark); end -= slide) {
            OpenWindow window = sensor.find(end);
            if (window == null) {
                window = sensor.open(end);
                registerTimers(end, watermark, ctx);
                if (end == newestEnd) {
                    window.remember(ts, value);
                }
            }
            window.add(reading);
            if (end - 1 <= watermark) {
                emit(ctx.getCurrentKey(), window, now, out);
            }
        }
        openWindows.update(sensor);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SensorWindowStats> out) throws Exception {
        SensorWindows sensor = openWindows.value();
        if (sensor == null) {
            return;
        }
        OpenWindow firing = sensor.find(timestamp + 1);
        if (firing != null && firing.nextRevision == 0) {
            emit(ctx.getCurrentKey(), firing, ctx.timerService().currentProcessingTime(), out);
        }
        long goneEnd = timestamp + 1 - lateness;
        boolean closed = sensor.close(goneEnd);
        if (sensor.isEmpty()) {
            openWindows.clear();
            if (sensor.countsInState) {
                counted.clear();
            }
        } else {
            if (closed && sensor.countsInState) {
                forgetValuesOnlyCoveredBy(goneEnd);
            }
            openWindows.update(sensor);
        }
    }

    /** Timers at the window's end - 1 (first firing) and at its end - 1 + allowed lateness (drop). */
    private void registerTimers(long end, long watermark, Context ctx) {
        if (end - 1 > watermark) {
            ctx.timerService().registerEventTimeTimer(end - 1);
        }
        ctx.timerService().registerEventTimeTimer(end - 1 + lateness);
    }

    private boolean isGone(long end, long watermark) {
        return end - 1 + lateness <= watermark;
    }

    /**
     * Remembers the value at this event time in the duplicate state; false if it was already
     * there. Only for readings whose newest window is open already, so did not open it.
     */
    private boolean countOnce(SensorWindows sensor, long ts, double value) throws Exception {
        double[] values = sensor.countsInState ? counted.get(ts) : null;
        if (values == null) {
            counted.put(ts, new double[] {value});
            sensor.countsInState = true;
            return true;
        }
        for (double v : values) {
            if (Double.compare(v, value) == 0) {
                return false;
            }
        }
        double[] more = Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        counted.put(ts, more);
        return true;
    }

    /**
     * Readings before the next window's start are covered by no open window any more. (With no
     * window left at all, the caller clears everything at once instead.)
     */
    private void forgetValuesOnlyCoveredBy(long goneEnd) throws Exception {
        long nextStart = goneEnd - size + slide;
        Iterator<Long> times = counted.keys().iterator();
        while (times.hasNext()) {
            if (times.next() < nextStart) {
                times.remove();
            }
        }
    }

    private void emit(String sensorId, OpenWindow window, long now, Collector<SensorWindowStats> out) {
        long end = window.end;
        int revision = window.nextRevision++;
        if (revision > 0) {
            revisions.inc();
        }
        out.collect(
                new SensorWindowStats(
                        sensorId,
                        window.site,
                        Instant.ofEpochMilli(end - size),
                        Instant.ofEpochMilli(end),
                        window.count,
                        window.min,
                        window.max,
                        window.mean,
                        window.stddev(),
                        window.firstReading,
                        window.lastReading,
                        Instant.ofEpochMilli(window.firstTs),
                        Instant.ofEpochMilli(window.lastTs),
                        revision,
                        Instant.ofEpochMilli(now)));
    }
}
