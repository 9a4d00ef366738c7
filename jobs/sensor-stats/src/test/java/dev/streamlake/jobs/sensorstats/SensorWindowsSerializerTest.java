package dev.streamlake.jobs.sensorstats;

import static dev.streamlake.jobs.sensorstats.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class SensorWindowsSerializerTest {

    private final SensorWindowsSerializer serializer = SensorWindowsSerializer.INSTANCE;

    @Test
    void writesAndReadsEveryFieldOfEveryWindow() throws Exception {
        SensorWindows windows = twoWindows();

        SensorWindows read = roundTrip(windows);

        assertThat(read.windows)
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("more")
                .containsExactly(windows.windows);
        assertThat(remembered(read.windows[1])).containsExactlyInAnyOrder("70000=8.0", "70000=9.5", "80000=NaN");
    }

    @Test
    void readsASensorWithNoOpenWindow() throws Exception {
        assertThat(roundTrip(new SensorWindows(new OpenWindow[0])).windows).isEmpty();
    }

    @Test
    void copiesDeeplySoTheCopyDoesNotChangeWithTheOriginal() {
        SensorWindows original = twoWindows();
        SensorWindows copy = serializer.copy(original);

        original.windows[0].add(reading("s1", 30_000, 100.0));
        original.windows[0].nextRevision = 7;
        original.windows[1].remember(90_000, 1.0);

        assertThat(copy.windows[0].count).isEqualTo(2);
        assertThat(copy.windows[0].nextRevision).isEqualTo(1);
        assertThat(remembered(copy.windows[1])).containsExactlyInAnyOrder("70000=8.0", "70000=9.5", "80000=NaN");
        assertThat(copy.windows[1].remember(90_000, 1.0)).isTrue();
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

    @Test
    void stateOfTheLayoutBeforeVersioningIsReportedIncompatible() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF(SensorWindowsSerializer.Snapshot.class.getName());
        out.writeInt(3); // the version SimpleTypeSerializerSnapshot wrote, with no content
        TypeSerializerSnapshot<SensorWindows> old =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(old).isIncompatible()).isTrue();
    }

    private SensorWindows roundTrip(SensorWindows windows) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(windows, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private static SensorWindows twoWindows() {
        OpenWindow first = new OpenWindow(60_000);
        first.add(reading("s1", 10_000, 4.0));
        first.add(reading("s1", 20_000, -2.5));
        first.nextRevision = 1;
        first.remember(10_000, 4.0);
        OpenWindow second = new OpenWindow(120_000);
        second.add(reading("s1", 70_000, 8.0));
        second.remember(70_000, 8.0);
        second.remember(70_000, 9.5);
        second.remember(80_000, Double.NaN);
        return new SensorWindows(new OpenWindow[] {first, second});
    }

    private static List<String> remembered(OpenWindow window) {
        List<String> readings = new ArrayList<>();
        window.forEachRemembered((ts, value) -> readings.add(ts + "=" + value));
        return readings;
    }
}
