package dev.streamlake.jobs.sensorstats;

import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * reading. Here the windows of the sensors held in memory ({@link HeldSensors}, up to {@code
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

    private transient ValueState<SensorWindows> state;
    private transient HeldSensors held;
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
        state =
                getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        new ValueStateDescriptor<>(STATE_NAME, SensorWindowsSerializer.INSTANCE));
        held = new HeldSensors();
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
        int sensor = hold(sensorId);
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
        letGoIfFull();
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
                hold(sensorId);
                if (held.size() >= heldSensors) {
                    // Aligned windows make every let-go sensor due at once: act and let go in
                    // batches, so no more than the most sensors are held. What is listed again
                    // then lies after this watermark, so the polling ends.
                    fireAndDrop();
                    letGo();
                }
            }
        }
        fireAndDrop();
        letGoIfFull();
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
        writeChanged();
    }

    /**
     * The sensor's number among the held ones, its windows read from state if it was not held;
     * -1 if it is neither held nor has state. The current key is the sensor's.
     */
    private int hold(String sensorId) throws Exception {
        int sensor = held.find(sensorId);
        if (sensor >= 0) {
            return sensor;
        }
        SensorWindows stored = state.value();
        if (stored == null) {
            return -1;
        }
        sensor = held.add(sensorId);
        // Heap state may hand out the very objects a running snapshot writes. Marked changed, the
        // sensor is written as copies before the next barrier, so that snapshot keeps its own
        // objects whatever the panes do to these.
        held.markChanged(sensor);
        for (OpenWindow window : stored.windows) {
            window.deadlinesListed = true;
            WindowPane pane = panes.findOrOpen(window.end, watermark);
            pane.put(sensor, window);
            if (pane.fired) {
                fire(pane, sensor, window, emittedNow());
            }
        }
        return sensor;
    }

    private void fireAll(WindowPane pane) {
        Instant now = emittedNow();
        pane.forEach((sensor, window) -> fire(pane, sensor, window, now));
    }

    /** Emits the window with revision 0 unless it was emitted before. */
    private void fire(WindowPane pane, int sensor, OpenWindow window, Instant now) {
        if (window.nextRevision == 0) {
            emit(pane, held.id(sensor), window, now);
            held.markChanged(sensor);
        }
    }

    private void letGoIfFull() {
        if (held.size() >= heldSensors) {
            letGo();
        }
    }

    /** Writes the changed sensors and lets all go, their windows' deadlines listed. */
    private void letGo() {
        writeChanged();
        panes.forEach(
                pane -> pane.forEach(
                        (sensor, window) -> {
                            if (!window.deadlinesListed) {
                                listDeadlines(held.id(sensor), window);
                            }
                        }));
        panes.clear();
        held.clear();
    }

    private void writeChanged() {
        held.drainChanged(this::write);
    }

    /** Writes the sensor's windows to state; a sensor without windows is cleared and no longer held. */
    private void write(int sensor) {
        String sensorId = held.id(sensor);
        setCurrentKey(sensorId);
        OpenWindow[] windows = panes.copiesOf(sensor);
        try {
            if (windows.length == 0) {
                state.clear();
                held.remove(sensor);
            } else {
                state.update(new SensorWindows(windows));
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not write the state of sensor " + sensorId, e);
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
        List<String> sensors;
        try (Stream<String> keys = this.<String>getKeyedStateBackend().getKeys(STATE_NAME, VoidNamespace.INSTANCE)) {
            sensors = keys.collect(Collectors.toList());
        }
        for (String sensorId : sensors) {
            setCurrentKey(sensorId);
            for (OpenWindow window : state.value().windows) {
                listDeadlines(sensorId, window);
            }
        }
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
}
