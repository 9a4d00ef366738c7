package dev.streamlake.serde.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class LayoutSnapshotTest {

    private static final MeterTotalSerializer NEWEST = MeterTotalSerializer.INSTANCE;

    @Test
    void stateOfTheNewestLayoutIsCompatibleAsItIsAndReadByTheNewestSerializer() throws Exception {
        TypeSerializerSnapshot<MeterTotal> restored = restoredSnapshotOf(NEWEST);

        assertThat(NEWEST.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs()).isTrue();
        assertThat(restored.restoreSerializer()).isSameAs(NEWEST);
    }

    @Test
    void stateOfAnOlderReadableLayoutIsMigratedWithTheSerializerOfThatLayout() throws Exception {
        TypeSerializerSnapshot<MeterTotal> restored = restoredSnapshotOf(new MeterTotalSerializer(1));

        assertThat(NEWEST.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAfterMigration())
                .isTrue();
        TypeSerializer<MeterTotal> reader = restored.restoreSerializer();
        assertThat(reader).isEqualTo(new MeterTotalSerializer(1)).isNotEqualTo(NEWEST);
        DataOutputSerializer layout1 = new DataOutputSerializer(32);
        layout1.writeLong(3);
        layout1.writeDouble(7.5);
        MeterTotal total = reader.deserialize(new DataInputDeserializer(layout1.getCopyOfBuffer()));
        assertThat(total).hasToString("3 readings, sum 7.5 unknown");
    }

    @Test
    void aSerializerOfAnOlderLayoutWritesThatLayoutAndSaysSo() throws Exception {
        // Heap state that a restored job never touches is written again with the restored serializer.
        MeterTotalSerializer layout1 = new MeterTotalSerializer(1);
        DataOutputSerializer out = new DataOutputSerializer(32);
        layout1.serialize(new MeterTotal(3, 7.5, "kWh"), out);

        assertThat(out.length()).isEqualTo(Long.BYTES + Double.BYTES);
        assertThat(layout1.snapshotConfiguration().getCurrentVersion()).isEqualTo(1);
        assertThat(NEWEST.snapshotConfiguration().getCurrentVersion()).isEqualTo(2);
    }

    @Test
    void stateOfALayoutTheTypeDoesNotReadIsIncompatibleAndNotRead() throws Exception {
        for (int layout : new int[] {0, 3}) {
            TypeSerializerSnapshot<MeterTotal> restored = restoredSnapshotAtVersion(layout);

            assertThat(NEWEST.snapshotConfiguration().resolveSchemaCompatibility(restored).isIncompatible()).isTrue();
            assertThatThrownBy(restored::restoreSerializer)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("layout " + layout)
                    .hasMessageContaining("reads layouts 1 to 2");
        }
    }

    @Test
    void aSerializerOfAnOlderLayoutCannotTakeOverStateOfANewerOne() throws Exception {
        TypeSerializerSnapshot<MeterTotal> restored = restoredSnapshotOf(NEWEST);

        assertThat(new MeterTotalSerializer(1).snapshotConfiguration().resolveSchemaCompatibility(restored).isIncompatible())
                .isTrue();
    }

    @Test
    void stateOfAnotherTypeIsIncompatible() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSnapshot<MeterTotal> other = (TypeSerializerSnapshot) LongSerializer.INSTANCE.snapshotConfiguration();

        assertThat(NEWEST.snapshotConfiguration().resolveSchemaCompatibility(other).isIncompatible()).isTrue();
    }

    @Test
    void refusesAnOldestReadableLayoutNewerThanTheNewest() {
        assertThatThrownBy(() -> new LayoutSnapshot<MeterTotal>(NEWEST, 3, MeterTotalSerializer::new) {})
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TypeSerializerSnapshot<MeterTotal> restoredSnapshotOf(MeterTotalSerializer serializer) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), LayoutSnapshotTest.class.getClassLoader());
    }

    private static TypeSerializerSnapshot<MeterTotal> restoredSnapshotAtVersion(int version) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF(MeterTotalSerializer.Snapshot.class.getName());
        out.writeInt(version);
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), LayoutSnapshotTest.class.getClassLoader());
    }
}
