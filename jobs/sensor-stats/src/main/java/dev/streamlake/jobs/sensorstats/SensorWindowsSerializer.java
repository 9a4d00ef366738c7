package dev.streamlake.jobs.sensorstats;

import dev.streamlake.serde.state.FieldByFieldSerializer;
import dev.streamlake.serde.state.LayoutSnapshot;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a sensor's state field by field; Flink's POJO serializer spent most of its time in
 * reflection, and could not write the remembered readings without Kryo.
 *
 * <p>Layout: the number of windows, then per window its end, next revision, statistics, and the
 * readings it remembers for duplicates (their number, then event time and value of each), text as
 * UTF-8 bytes. A change of layout needs a new layout number, with this one still read (the
 * committed savepoint of {@code WindowStepSavepointTest} holds it).
 */
public final class SensorWindowsSerializer extends FieldByFieldSerializer<SensorWindows> {

    private static final long serialVersionUID = 1L;

    /** Layouts up to 3 were those of Flink's {@code SimpleTypeSerializerSnapshot}, before layouts were numbered. */
    private static final int LAYOUT = 4;

    public static final SensorWindowsSerializer INSTANCE = new SensorWindowsSerializer();

    private SensorWindowsSerializer() {
        super(LAYOUT);
    }

    @Override
    public SensorWindows createInstance() {
        return new SensorWindows(new OpenWindow[0]);
    }

    @Override
    public SensorWindows copy(SensorWindows from) {
        OpenWindow[] windows = new OpenWindow[from.windows.length];
        for (int i = 0; i < windows.length; i++) {
            windows[i] = from.windows[i].copy();
        }
        return new SensorWindows(windows);
    }

    @Override
    public void serialize(SensorWindows record, DataOutputView out) throws IOException {
        out.writeInt(record.windows.length);
        for (OpenWindow window : record.windows) {
            out.writeLong(window.end);
            out.writeInt(window.nextRevision);
            out.writeLong(window.count);
            out.writeDouble(window.min);
            out.writeDouble(window.max);
            out.writeDouble(window.mean);
            out.writeDouble(window.m2);
            out.writeLong(window.firstTs);
            out.writeDouble(window.firstReading);
            out.writeLong(window.lastTs);
            out.writeDouble(window.lastReading);
            writeText(window.site, out);
            writeText(window.unit, out);
            out.writeInt(window.rememberedReadings());
            try {
                window.forEachRemembered((ts, value) -> writeReading(ts, value, out));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static void writeReading(long ts, double value, DataOutputView out) {
        try {
            out.writeLong(ts);
            out.writeDouble(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SensorWindows deserialize(DataInputView in) throws IOException {
        OpenWindow[] windows = new OpenWindow[in.readInt()];
        for (int i = 0; i < windows.length; i++) {
            OpenWindow window = new OpenWindow(in.readLong());
            window.nextRevision = in.readInt();
            window.count = in.readLong();
            window.min = in.readDouble();
            window.max = in.readDouble();
            window.mean = in.readDouble();
            window.m2 = in.readDouble();
            window.firstTs = in.readLong();
            window.firstReading = in.readDouble();
            window.lastTs = in.readLong();
            window.lastReading = in.readDouble();
            window.site = readText(in);
            window.unit = readText(in);
            int remembered = in.readInt();
            for (int r = 0; r < remembered; r++) {
                window.remember(in.readLong(), in.readDouble());
            }
            windows[i] = window;
        }
        return new SensorWindows(windows);
    }

    @Override
    protected LayoutSnapshot<SensorWindows> newSnapshot() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint or savepoint. */
    public static final class Snapshot extends LayoutSnapshot<SensorWindows> {

        public Snapshot() {
            super(INSTANCE);
        }
    }
}
