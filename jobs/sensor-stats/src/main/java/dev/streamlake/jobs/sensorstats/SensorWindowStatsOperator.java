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
 * the readings that only it still covered, when the watermark reaches end - 1 + allowed lateness.
 * So a reading is remembered for duplicates exactly as long as it could still change a window.
 *
 * <p>Why an operator of its own rather than a duplicate filter before Flink's window operator:
 * that pair registered a timer per reading and touched the window state and two trigger timers per
 * reading. Here all of a sensor's state is one value, read once per reading; instead of timers, the
 * operator lists each window's two deadlines by time ({@link WindowDeadlines}) and acts on them as
 * the watermark passes. The sensor's value is also held back in the operator between checkpoints
 * (see {@link #writeBehind}), as Flink SQL's window aggregation does with its buffer.
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
    /**
     * The most sensors held before their state is written back: bounds the memory while letting a
     * busy sensor's readings between two checkpoints cost one state read and one write instead of
     * one each per reading.
     */
    private final int heldSensors;

    private transient ValueState<SensorWindows> state;
    private transient WindowDeadlines deadlines;
    private transient long watermark;
    private transient boolean restored;
    /**
     * Sensors whose state changed since it was last written, with that state; null when no sensor
     * may be held. With RocksDB every state access (de)serializes the whole value; with heap state
     * it is two lookups in Flink's copy-on-write tables, still several times a lookup here.
     */
    private transient HeldSensors writeBehind;

    private transient StreamRecord<SensorWindowStats> row;
    private transient Counter duplicates;
    private transient Counter revisions;
    private transient Counter tooLate;

    public SensorWindowStatsOperator(WindowSpec spec, int heldSensors) {
        if (heldSensors < 0) {
            throw new IllegalArgumentException("heldSensors must not be negative: " + heldSensors);
        }
        this.heldSensors = heldSensors;
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
        deadlines = new WindowDeadlines();
        watermark = Long.MIN_VALUE;
        writeBehind = heldSensors == 0 ? null : new HeldSensors();
        row = new StreamRecord<>(null);
        duplicates = getMetricGroup().counter(DUPLICATES_METRIC);
        revisions = getMetricGroup().counter(REVISIONS_METRIC);
        tooLate = getMetricGroup().counter(TOO_LATE_METRIC);
        getMetricGroup().gauge(HELD_SENSORS_METRIC, () -> writeBehind == null ? 0 : writeBehind.size());
        getMetricGroup().gauge(PENDING_DEADLINES_METRIC, deadlines::size);
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
        SensorWindows sensor = load(sensorId);
        double value = reading.getReading();
        OpenWindow newest = sensor.find(newestEnd);
        if (newest != null && (newest.remembers(ts, value) || !sensor.countOnce(ts, value))) {
            duplicates.inc();
            return;
        }
        for (long end = newestEnd; end > ts && !isGone(end); end -= slide) {
            OpenWindow window = sensor.find(end);
            if (window == null) {
                window = sensor.open(end);
                addDeadlines(sensorId, end);
                if (end == newestEnd) {
                    window.remember(ts, value);
                }
            }
            window.add(reading);
            if (end - 1 <= watermark) {
                emit(sensorId, window);
            }
        }
        store(sensorId, sensor);
    }

    /** Acts on the deadlines the watermark passed, then forwards it. */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        watermark = Math.max(watermark, mark.getTimestamp());
        for (Map.Entry<Long, List<String>> due = deadlines.pollDue(watermark);
                due != null;
                due = deadlines.pollDue(watermark)) {
            for (String sensorId : due.getValue()) {
                setCurrentKey(sensorId);
                onDeadline(sensorId, due.getKey());
            }
        }
        super.processWatermark(mark);
    }

    /** Fires the window ending right after this time, drops the one gone at it; the current key is the sensor's. */
    private void onDeadline(String sensorId, long time) throws Exception {
        SensorWindows sensor = load(sensorId);
        long firingEnd = time + 1;
        OpenWindow firing = sensor.find(firingEnd);
        if (firing != null && firing.nextRevision == 0) {
            emit(sensorId, firing);
        }
        long goneEnd = firingEnd - lateness;
        if (sensor.close(goneEnd)) {
            sensor.forgetBefore(goneEnd - size + slide);
        }
        store(sensorId, sensor);
    }

    /** Writes the held-back state before the barrier, so the checkpoint holds every change. */
    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        writeBack();
    }

    private SensorWindows load(String sensorId) throws Exception {
        SensorWindows sensor = writeBehind == null ? null : writeBehind.get(sensorId);
        if (sensor == null) {
            sensor = state.value();
        }
        return sensor == null ? new SensorWindows() : sensor;
    }

    /** Keeps the sensor's state; the current key is the sensor's. */
    private void store(String sensorId, SensorWindows sensor) throws Exception {
        if (writeBehind == null) {
            write(sensor);
            return;
        }
        writeBehind.put(sensorId, sensor);
        if (writeBehind.size() >= heldSensors) {
            writeBack();
            setCurrentKey(sensorId);
        }
    }

    private void writeBack() throws Exception {
        if (writeBehind == null || writeBehind.size() == 0) {
            return;
        }
        writeBehind.forEach(this::writeFor);
        writeBehind.clear();
    }

    private void writeFor(String sensorId, SensorWindows sensor) {
        setCurrentKey(sensorId);
        try {
            write(sensor);
        } catch (Exception e) {
            throw new IllegalStateException("could not write the state of sensor " + sensorId, e);
        }
    }

    private void write(SensorWindows sensor) throws Exception {
        if (sensor.isEmpty()) {
            state.clear();
        } else {
            state.update(sensor);
        }
    }

    /** A window's deadlines: its end - 1 (first firing, unless passed) and its end - 1 + allowed lateness (drop). */
    private void addDeadlines(String sensorId, long end) {
        if (end - 1 > watermark) {
            deadlines.add(end - 1, sensorId);
        }
        deadlines.add(end - 1 + lateness, sensorId);
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
                if (window.nextRevision == 0) {
                    deadlines.add(window.end - 1, sensorId);
                }
                deadlines.add(window.end - 1 + lateness, sensorId);
            }
        }
    }

    /** Deadlines listed and not yet passed by the watermark. */
    int pendingDeadlines() {
        return deadlines.size();
    }

    private boolean isGone(long end) {
        return end - 1 + lateness <= watermark;
    }

    private void emit(String sensorId, OpenWindow window) {
        int revision = window.nextRevision++;
        if (revision > 0) {
            revisions.inc();
        }
        long end = window.end;
        SensorWindowStats stats =
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
                        Instant.ofEpochMilli(getProcessingTimeService().getCurrentProcessingTime()));
        output.collect(row.replace(stats, end - 1));
    }
}
