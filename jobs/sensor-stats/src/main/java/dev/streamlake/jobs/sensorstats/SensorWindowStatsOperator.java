package dev.streamlake.jobs.sensorstats;

import dev.streamlake.core.state.HeldKeyedState;
import dev.streamlake.core.state.HeldValues;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;

import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * the readings it remembers, when the watermark reaches end - 1 + allowed lateness. A reading is
 * remembered by the newest window that covers it, so exactly as long as it could still change a
 * window.
 *
 * <p>Why an operator of its own rather than a duplicate filter before Flink's window operator:
 * that pair registered a timer per reading and touched the window state and two trigger timers per
 * reading. Here the windows of the sensors held in memory ({@link HeldKeyedState}, up to {@code
 * heldSensors} of them) sit in one {@link WindowPane} per window end: a reading costs a few array
 * reads, and since windows are aligned, a pane fires as one pass and is dropped at once. The
 * state backend keeps each sensor's windows as one value ({@link SensorWindows}), written for the
 * sensors that changed before every checkpoint barrier, so checkpoints stay keyed (rescalable,
 * incremental with RocksDB). When the most sensors are held, all are written and let go; their
 * deadlines, and those of restored sensors, wait in {@link WindowDeadlines} until the sensor is
 * held again.
 */
public class SensorWindowStatsOperator extends AbstractStreamOperator<SensorWindowStats>
        implements OneInputStreamOperator<SensorReading, SensorWindowStats> {

    private static final long serialVersionUID = 1L;

    public static final String DUPLICATES_METRIC = "duplicateReadings";
    public static final String REVISIONS_METRIC = "windowRevisions";
    public static final String TOO_LATE_METRIC = "tooLateReadings";
    public static final String HELD_SENSORS_METRIC = "heldSensors";
    public static final String PENDING_DEADLINES_METRIC = "pendingWindowDeadlines";

    /** The keyed state: one {@link SensorWindows} per sensor. */
    static final String STATE_NAME = "sensor-windows";

    private final long size;
    private final long slide;
    private final long lateness;
    /** The most sensors held in memory before all are written to the state backend and let go. */
    private final int heldSensors;

    /** The held sensors, each under the number that indexes the panes. */
    private transient HeldKeyedState<String, SensorWindows> held;
    private transient WindowPanes panes;
    /** Deadlines of windows whose sensor is not held (restored, or let go): the sensor is held again when one is due. */
    private transient WindowDeadlines deadlines;
    private transient long watermark;
    private transient boolean restored;

    private transient StreamRecord<SensorWindowStats> row;
    private transient Counter duplicates;
    private transient Counter revisions;
    private transient Counter tooLate;

    public SensorWindowStatsOperator(WindowSpec spec, int heldSensors) {
        if (heldSensors < 0) {
            throw new IllegalArgumentException("heldSensors must not be negative: " + heldSensors);
        }
        this.heldSensors = heldSensors;
        // Chained behind the event-time floor that restores its input watermark (KeyedEventTime).
        setChainingStrategy(ChainingStrategy.ALWAYS);
        this.size = spec.size().toMillis();
        this.slide = spec.slide().orElse(spec.size()).toMillis();
        this.lateness = spec.allowedLateness().toMillis();
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        restored = context.isRestored();
    }

    @Override
    public void open() throws Exception {
        super.open();
        held =
                new HeldKeyedState<>(
                        getKeyedStateBackend(),
                        new ValueStateDescriptor<>(STATE_NAME, SensorWindowsSerializer.INSTANCE),
                        heldSensors,
                        new HeldWindows());
        panes = new WindowPanes(size, lateness);
        deadlines = new WindowDeadlines();
        watermark = Long.MIN_VALUE;
        row = new StreamRecord<>(null);
        duplicates = getMetricGroup().counter(DUPLICATES_METRIC);
        revisions = getMetricGroup().counter(REVISIONS_METRIC);
        tooLate = getMetricGroup().counter(TOO_LATE_METRIC);
        getMetricGroup().gauge(HELD_SENSORS_METRIC, this::heldSensors);
        getMetricGroup().gauge(PENDING_DEADLINES_METRIC, this::pendingDeadlines);
        if (restored) {
            listDeadlinesOfRestoredWindows();
        }
    }

    @Override
    public void processElement(StreamRecord<SensorReading> element) throws Exception {
        SensorReading reading = element.getValue();
        long ts = reading.getTs().toEpochMilli();
        long newestEnd = Math.floorDiv(ts, slide) * slide + size;
        if (isGone(newestEnd)) {
            tooLate.inc();
            output.collect(SensorStatsJob.TOO_LATE, element);
            return;
        }
        String sensorId = reading.getSensorId();
        int sensor = held.hold(sensorId);
        if (sensor < 0) {
            sensor = held.add(sensorId);
        }
        double value = reading.getReading();
        WindowPane newestPane = panes.find(newestEnd);
        OpenWindow newest = newestPane == null ? null : newestPane.get(sensor);
        if (newest != null && !newest.remember(ts, value)) {
            duplicates.inc();
            return;
        }
        for (long end = newestEnd; end > ts && !isGone(end); end -= slide) {
            WindowPane pane = panes.findOrOpen(end, watermark);
            OpenWindow window = pane.get(sensor);
            if (window == null) {
                window = pane.open(sensor);
                if (end == newestEnd) {
                    window.remember(ts, value);
                }
            }
            window.add(reading);
            // A window emitted before is emitted again at once, even in a pane that has not fired
            // yet: after a restore the watermark starts over, while the window's revisions go on.
            if (pane.fired || window.nextRevision > 0) {
                emit(pane, sensorId, window, emittedNow());
            }
        }
        held.markChanged(sensor);
        held.letGoIfFull();
    }

    /** Fires and drops the panes the watermark passed, then forwards it. */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        watermark = Math.max(watermark, mark.getTimestamp());
        for (Map.Entry<Long, List<String>> due = deadlines.pollDue(watermark);
                due != null;
                due = deadlines.pollDue(watermark)) {
            for (String sensorId : due.getValue()) {
                setCurrentKey(sensorId);
                held.hold(sensorId);
                if (held.isFull()) {
                    // Aligned windows make every let-go sensor due at once: act and let go in
                    // batches, so no more than the most sensors are held. What is listed again
                    // then lies after this watermark, so the polling ends.
                    fireAndDrop();
                    held.letGo();
                }
            }
        }
        fireAndDrop();
        held.letGoIfFull();
        super.processWatermark(mark);
    }

    private void fireAndDrop() {
        panes.fire(watermark, this::fireAll);
        panes.drop(watermark, pane -> pane.forEach((sensor, window) -> held.markChanged(sensor)));
    }

    /** Writes the changed sensors' windows before the barrier, so the checkpoint holds every change. */
    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        held.writeChanged();
    }

    private void fireAll(WindowPane pane) {
        Instant now = emittedNow();
        pane.forEach((sensor, window) -> fire(pane, sensor, window, now));
    }

    /** Emits the window with revision 0 unless it was emitted before. */
    private void fire(WindowPane pane, int sensor, OpenWindow window, Instant now) {
        if (window.nextRevision == 0) {
            emit(pane, held.key(sensor), window, now);
            held.markChanged(sensor);
        }
    }

    /** A window's deadlines: its end - 1 (first firing, unless it fired) and its end - 1 + allowed lateness (drop). */
    private void listDeadlines(String sensorId, OpenWindow window) {
        window.deadlinesListed = true;
        if (window.nextRevision == 0) {
            deadlines.add(window.end - 1, sensorId);
        }
        deadlines.add(window.end - 1 + lateness, sensorId);
    }

    /** After a restore: every sensor's open windows, read from state, give the deadlines again. */
    private void listDeadlinesOfRestoredWindows() throws Exception {
        held.forEachStored(
                (sensorId, state) -> {
                    for (OpenWindow window : state.value().windows) {
                        listDeadlines(sensorId, window);
                    }
                });
    }

    /** Sensors whose windows are held in memory. */
    int heldSensors() {
        return held.size();
    }

    /** Deadlines not yet passed by the watermark: the panes' and those of sensors not held. */
    int pendingDeadlines() {
        return panes.pendingDeadlines() + deadlines.size();
    }

    private boolean isGone(long end) {
        return end - 1 + lateness <= watermark;
    }

    private Instant emittedNow() {
        return Instant.ofEpochMilli(getProcessingTimeService().getCurrentProcessingTime());
    }

    private void emit(WindowPane pane, String sensorId, OpenWindow window, Instant emittedAt) {
        int revision = window.nextRevision++;
        if (revision > 0) {
            revisions.inc();
        }
        // Setters, not the all-fields constructor: that one takes every number boxed.
        SensorWindowStats stats = new SensorWindowStats();
        stats.setSensorId(sensorId);
        stats.setSite(window.site);
        stats.setWindowStart(pane.startInstant);
        stats.setWindowEnd(pane.endInstant);
        stats.setCount(window.count);
        stats.setMin(window.min);
        stats.setMax(window.max);
        stats.setMean(window.mean);
        stats.setStddev(window.stddev());
        stats.setFirstReading(window.firstReading);
        stats.setLastReading(window.lastReading);
        stats.setFirstTs(Instant.ofEpochMilli(window.firstTs));
        stats.setLastTs(Instant.ofEpochMilli(window.lastTs));
        stats.setRevision(revision);
        stats.setEmittedAt(emittedAt);
        output.collect(row.replace(stats, window.end - 1));
    }

    /**
     * The held sensors' windows, kept in the panes by sensor number, as the state backend keeps
     * them: one {@link SensorWindows} per sensor.
     */
    private final class HeldWindows implements HeldValues<SensorWindows> {

        /** Copies, since the panes go on changing the windows; none left clears the sensor's state. */
        @Override
        public SensorWindows valueToWrite(int sensor) {
            OpenWindow[] windows = panes.copiesOf(sensor);
            return windows.length == 0 ? null : new SensorWindows(windows);
        }

        /** Puts the windows into their panes; one whose pane has fired fires now, unless it fired before. */
        @Override
        public void readBack(int sensor, SensorWindows stored) {
            for (OpenWindow window : stored.windows) {
                window.deadlinesListed = true;
                WindowPane pane = panes.findOrOpen(window.end, watermark);
                pane.put(sensor, window);
                if (pane.fired) {
                    fire(pane, sensor, window, emittedNow());
                }
            }
        }

        /** Lists the deadlines of the windows let go, then forgets the panes. */
        @Override
        public void letGoAll() {
            panes.forEach(
                    pane -> pane.forEach(
                            (sensor, window) -> {
                                if (!window.deadlinesListed) {
                                    listDeadlines(held.key(sensor), window);
                                }
                            }));
            panes.clear();
        }
    }
}
