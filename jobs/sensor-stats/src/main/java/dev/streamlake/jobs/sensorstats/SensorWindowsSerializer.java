package dev.streamlake.jobs.sensorstats;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a sensor's state field by field; Flink's POJO serializer spent most of its time in
 * reflection, and could not write the map of counted values without Kryo.
 *
 * <p>Layout: the number of windows, then per window its end, next revision, remembered reading
 * and statistics; then the number of counted event times, and per event time its values. A
 * change of layout needs a new snapshot version that can still read this one.
 */
public final class SensorWindowsSerializer extends FieldByFieldSerializer<SensorWindows> {

    private static final long serialVersionUID = 1L;

    public static final SensorWindowsSerializer INSTANCE = new SensorWindowsSerializer();

    @Override
    public SensorWindows createInstance() {
        return new SensorWindows();
    }

    @Override
    public SensorWindows copy(SensorWindows from) {
        SensorWindows copy = new SensorWindows();
        if (from.counted != null) {
            copy.counted = new HashMap<>(from.counted.size() * 2);
            from.counted.forEach((key, values) -> copy.counted.put(key, values.clone()));
        }
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
    public void serialize(SensorWindows record, DataOutputView out) throws IOException {
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
        Map<Long, double[]> counted = record.counted == null ? Map.of() : record.counted;
        out.writeInt(counted.size());
        for (Map.Entry<Long, double[]> entry : counted.entrySet()) {
            out.writeLong(SensorWindows.eventTime(entry.getKey()));
            double[] values = entry.getValue();
            out.writeInt(values.length);
            for (double value : values) {
                out.writeDouble(value);
            }
        }
    }

    @Override
    public SensorWindows deserialize(DataInputView in) throws IOException {
        SensorWindows record = new SensorWindows();
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
        int times = in.readInt();
        for (int i = 0; i < times; i++) {
            long ts = in.readLong();
            double[] values = new double[in.readInt()];
            for (int v = 0; v < values.length; v++) {
                values[v] = in.readDouble();
            }
            record.putCounted(ts, values);
        }
        return record;
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
