package dev.streamlake.jobs.sensorstats;

import static dev.streamlake.jobs.sensorstats.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SensorWindowsSerializerTest {

    private final SensorWindowsSerializer serializer = SensorWindowsSerializer.INSTANCE;

    @Test
    void writesAndReadsEveryFieldOfEveryWindow() throws Exception {
        SensorWindows windows = twoWindows();

        SensorWindows read = roundTrip(windows);

        assertThat(read.counted).hasSize(1);
        assertThat(read.countedAt(70_000L)).containsExactly(8.0, 9.5);
        assertThat(read.windows).usingRecursiveFieldByFieldElementComparator().containsExactly(windows.windows);
    }

    @Test
    void readsASensorWithNoOpenWindow() throws Exception {
        assertThat(roundTrip(new SensorWindows()).isEmpty()).isTrue();
    }

    @Test
    void copiesDeeplySoTheCopyDoesNotChangeWithTheOriginal() {
        SensorWindows original = twoWindows();
        SensorWindows copy = serializer.copy(original);

        original.find(60_000).add(reading("s1", 30_000, 100.0));
        original.find(60_000).nextRevision = 7;
        original.find(60_000).remember(30_000, 100.0);
        original.close(120_000);

        assertThat(copy.windows).hasSize(2);
        assertThat(copy.find(60_000).count).isEqualTo(2);
        assertThat(copy.find(60_000).nextRevision).isEqualTo(1);
        assertThat(copy.find(60_000).remembers(10_000, 4.0)).isTrue();
        assertThat(copy.countOnce(70_000, 1.0)).isTrue();
        assertThat(original.countedAt(70_000L)).containsExactly(8.0, 9.5);
    }

    @Test
    void copiesSerializedBytesUnchanged() throws Exception {
        DataOutputSerializer written = new DataOutputSerializer(256);
        serializer.serialize(twoWindows(), written);
        DataOutputSerializer copied = new DataOutputSerializer(256);

        serializer.copy(new DataInputDeserializer(written.getCopyOfBuffer()), copied);

        assertThat(copied.getCopyOfBuffer()).isEqualTo(written.getCopyOfBuffer());
    }

    @Test
    void aRestoredSnapshotAcceptsTheSerializerAsItIs() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<SensorWindows> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

        TypeSerializerSchemaCompatibility<SensorWindows> compatibility =
                serializer.snapshotConfiguration().resolveSchemaCompatibility(restored);

        assertThat(compatibility.isCompatibleAsIs()).isTrue();
        assertThat(restored.restoreSerializer()).isSameAs(serializer);
    }

    private SensorWindows roundTrip(SensorWindows windows) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(windows, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private static SensorWindows twoWindows() {
        SensorWindows windows = new SensorWindows();
        OpenWindow first = windows.open(60_000);
        first.add(reading("s1", 10_000, 4.0));
        first.add(reading("s1", 20_000, -2.5));
        first.nextRevision = 1;
        first.remember(10_000, 4.0);
        windows.open(120_000).add(reading("s1", 70_000, 8.0));
        windows.countOnce(70_000, 8.0);
        windows.countOnce(70_000, 9.5);
        return windows;
    }
}
