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
 * <p>Layout: whether duplicate state is in use, the number of windows, then per window its end,
 * next revision, remembered reading and statistics. A change of layout needs a new snapshot
 * version that can still read this one.
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
        copy.countsInState = from.countsInState;
        copy.windows = new OpenWindow[from.windows.length];
        for (int i = 0; i < from.windows.length; i++) {
            copy.windows[i] = copy(from.windows[i]);
        }
        return copy;
    }

    private static OpenWindow copy(OpenWindow from) {
        OpenWindow copy = new OpenWindow(from.end);
        copy.nextRevision = from.nextRevision;
        copy.remembersReading = from.remembersReading;
        copy.rememberedTs = from.rememberedTs;
        copy.rememberedValue = from.rememberedValue;
        copy.count = from.count;
        copy.min = from.min;
        copy.max = from.max;
        copy.mean = from.mean;
        copy.m2 = from.m2;
        copy.firstTs = from.firstTs;
        copy.firstReading = from.firstReading;
        copy.lastTs = from.lastTs;
        copy.lastReading = from.lastReading;
        copy.site = from.site;
        copy.unit = from.unit;
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
        out.writeBoolean(record.countsInState);
        out.writeInt(record.windows.length);
        for (OpenWindow window : record.windows) {
            out.writeLong(window.end);
            out.writeInt(window.nextRevision);
            out.writeBoolean(window.remembersReading);
            out.writeLong(window.rememberedTs);
            out.writeDouble(window.rememberedValue);
            out.writeLong(window.count);
            out.writeDouble(window.min);
            out.writeDouble(window.max);
            out.writeDouble(window.mean);
            out.writeDouble(window.m2);
            out.writeLong(window.firstTs);
            out.writeDouble(window.firstReading);
            out.writeLong(window.lastTs);
            out.writeDouble(window.lastReading);
            StringValue.writeString(window.site, out);
            StringValue.writeString(window.unit, out);
        }
    }

    @Override
    public SensorWindows deserialize(DataInputView in) throws IOException {
        SensorWindows record = new SensorWindows();
        record.countsInState = in.readBoolean();
        record.windows = new OpenWindow[in.readInt()];
        for (int i = 0; i < record.windows.length; i++) {
            OpenWindow window = new OpenWindow(in.readLong());
            window.nextRevision = in.readInt();
            window.remembersReading = in.readBoolean();
            window.rememberedTs = in.readLong();
            window.rememberedValue = in.readDouble();
            window.count = in.readLong();
            window.min = in.readDouble();
            window.max = in.readDouble();
            window.mean = in.readDouble();
            window.m2 = in.readDouble();
            window.firstTs = in.readLong();
            window.firstReading = in.readDouble();
            window.lastTs = in.readLong();
            window.lastReading = in.readDouble();
            window.site = StringValue.readString(in);
            window.unit = StringValue.readString(in);
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
