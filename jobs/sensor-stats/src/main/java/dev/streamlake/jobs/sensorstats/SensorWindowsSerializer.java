package dev.streamlake.jobs.sensorstats;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;

/**
 * Writes a sensor's open windows field by field. The state is read and written on every reading
 * with RocksDB; Flink's POJO serializer spends most of that time in reflection.
 *
 * <p>Layout: the number of windows, then per window its end, next revision and statistics. A
 * change of layout needs a new snapshot version that can still read this one.
 */
public final class SensorWindowsSerializer extends TypeSerializerSingleton<SensorWindows> {

    private static final long serialVersionUID = 1L;

    public static final SensorWindowsSerializer INSTANCE = new SensorWindowsSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public SensorWindows createInstance() {
        return new SensorWindows();
    }

    @Override
    public SensorWindows copy(SensorWindows from) {
        SensorWindows copy = new SensorWindows();
        copy.windows = new OpenWindow[from.windows.length];
        for (int i = 0; i < from.windows.length; i++) {
            copy.windows[i] = copy(from.windows[i]);
        }
        return copy;
    }

    private static OpenWindow copy(OpenWindow from) {
        OpenWindow copy = new OpenWindow(from.end);
        copy.nextRevision = from.nextRevision;
        SensorStatsAccumulator stats = copy.stats;
        SensorStatsAccumulator original = from.stats;
        stats.count = original.count;
        stats.min = original.min;
        stats.max = original.max;
        stats.mean = original.mean;
        stats.m2 = original.m2;
        stats.firstTs = original.firstTs;
        stats.firstReading = original.firstReading;
        stats.lastTs = original.lastTs;
        stats.lastReading = original.lastReading;
        stats.site = original.site;
        stats.unit = original.unit;
        return copy;
    }

    @Override
    public SensorWindows copy(SensorWindows from, SensorWindows reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(SensorWindows record, DataOutputView out) throws IOException {
        out.writeInt(record.windows.length);
        for (OpenWindow window : record.windows) {
            out.writeLong(window.end);
            out.writeInt(window.nextRevision);
            SensorStatsAccumulator stats = window.stats;
            out.writeLong(stats.count);
            out.writeDouble(stats.min);
            out.writeDouble(stats.max);
            out.writeDouble(stats.mean);
            out.writeDouble(stats.m2);
            out.writeLong(stats.firstTs);
            out.writeDouble(stats.firstReading);
            out.writeLong(stats.lastTs);
            out.writeDouble(stats.lastReading);
            StringValue.writeString(stats.site, out);
            StringValue.writeString(stats.unit, out);
        }
    }

    @Override
    public SensorWindows deserialize(DataInputView in) throws IOException {
        SensorWindows record = new SensorWindows();
        record.windows = new OpenWindow[in.readInt()];
        for (int i = 0; i < record.windows.length; i++) {
            OpenWindow window = new OpenWindow(in.readLong());
            window.nextRevision = in.readInt();
            SensorStatsAccumulator stats = window.stats;
            stats.count = in.readLong();
            stats.min = in.readDouble();
            stats.max = in.readDouble();
            stats.mean = in.readDouble();
            stats.m2 = in.readDouble();
            stats.firstTs = in.readLong();
            stats.firstReading = in.readDouble();
            stats.lastTs = in.readLong();
            stats.lastReading = in.readDouble();
            stats.site = StringValue.readString(in);
            stats.unit = StringValue.readString(in);
            record.windows[i] = window;
        }
        return record;
    }

    @Override
    public SensorWindows deserialize(SensorWindows reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<SensorWindows> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint or savepoint. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SensorWindows> {

        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
