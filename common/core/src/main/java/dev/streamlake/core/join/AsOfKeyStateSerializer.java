package dev.streamlake.core.join;

import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes an {@link AsOfKeyState}: its versions (count, then each with the versions' serializer),
 * its waiting records (count, then each as event time, arrival time and the record with the left
 * records' serializer) and its two timers. Its snapshot is a composite one, so the state migrates
 * when the rows' or the left records' schema evolves (Avro's serializer decides).
 */
public final class AsOfKeyStateSerializer<K, L, V> extends TypeSerializer<AsOfKeyState<K, L, V>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<RowVersion<K, V>> versionSerializer;
    private final TypeSerializer<L> leftSerializer;

    public AsOfKeyStateSerializer(TypeSerializer<RowVersion<K, V>> versionSerializer, TypeSerializer<L> leftSerializer) {
        this.versionSerializer = Objects.requireNonNull(versionSerializer, "versionSerializer");
        this.leftSerializer = Objects.requireNonNull(leftSerializer, "leftSerializer");
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<AsOfKeyState<K, L, V>> duplicate() {
        TypeSerializer<RowVersion<K, V>> versions = versionSerializer.duplicate();
        TypeSerializer<L> left = leftSerializer.duplicate();
        return versions == versionSerializer && left == leftSerializer ? this : new AsOfKeyStateSerializer<>(versions, left);
    }

    @Override
    public AsOfKeyState<K, L, V> createInstance() {
        return new AsOfKeyState<>();
    }

    /**
     * A copy with lists of its own that shares their elements. The heap backend copies a key's
     * value this way when the key is read while a snapshot still writes the original, so that
     * what the join then changes does not reach the snapshot; the join changes the lists and the
     * timers, never a version, a row or a waiting record. A deep copy cost a copy of every row a
     * key holds on each read during a snapshot, which at 10^6 users is most of the time.
     */
    @Override
    public AsOfKeyState<K, L, V> copy(AsOfKeyState<K, L, V> from) {
        List<RowVersion<K, V>> versions = new ArrayList<>(from.versions.size() + 1);
        versions.addAll(from.versions);
        List<AsOfKeyState.Waiting<L>> waiting = new ArrayList<>(from.waiting.size() + 1);
        waiting.addAll(from.waiting);
        AsOfKeyState<K, L, V> copy = new AsOfKeyState<>(versions, waiting);
        copy.expiryTimer = from.expiryTimer;
        copy.waitTimer = from.waitTimer;
        return copy;
    }

    @Override
    public AsOfKeyState<K, L, V> copy(AsOfKeyState<K, L, V> from, AsOfKeyState<K, L, V> reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(AsOfKeyState<K, L, V> state, DataOutputView target) throws IOException {
        target.writeInt(state.versions.size());
        for (RowVersion<K, V> version : state.versions) {
            versionSerializer.serialize(version, target);
        }
        target.writeInt(state.waiting.size());
        for (AsOfKeyState.Waiting<L> record : state.waiting) {
            target.writeLong(record.time);
            target.writeLong(record.arrivedAt);
            leftSerializer.serialize(record.record, target);
        }
        target.writeLong(state.expiryTimer);
        target.writeLong(state.waitTimer);
    }

    @Override
    public AsOfKeyState<K, L, V> deserialize(DataInputView source) throws IOException {
        int versionCount = source.readInt();
        List<RowVersion<K, V>> versions = new ArrayList<>(versionCount + 1);
        for (int i = 0; i < versionCount; i++) {
            versions.add(versionSerializer.deserialize(source));
        }
        int waitingCount = source.readInt();
        List<AsOfKeyState.Waiting<L>> waiting = new ArrayList<>(waitingCount + 1);
        for (int i = 0; i < waitingCount; i++) {
            long time = source.readLong();
            long arrivedAt = source.readLong();
            waiting.add(new AsOfKeyState.Waiting<>(time, arrivedAt, leftSerializer.deserialize(source)));
        }
        AsOfKeyState<K, L, V> state = new AsOfKeyState<>(versions, waiting);
        state.expiryTimer = source.readLong();
        state.waitTimer = source.readLong();
        return state;
    }

    @Override
    public AsOfKeyState<K, L, V> deserialize(AsOfKeyState<K, L, V> reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int versionCount = source.readInt();
        target.writeInt(versionCount);
        for (int i = 0; i < versionCount; i++) {
            versionSerializer.copy(source, target);
        }
        int waitingCount = source.readInt();
        target.writeInt(waitingCount);
        for (int i = 0; i < waitingCount; i++) {
            target.writeLong(source.readLong());
            target.writeLong(source.readLong());
            leftSerializer.copy(source, target);
        }
        target.writeLong(source.readLong());
        target.writeLong(source.readLong());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AsOfKeyStateSerializer
                && ((AsOfKeyStateSerializer<?, ?, ?>) other).versionSerializer.equals(versionSerializer)
                && ((AsOfKeyStateSerializer<?, ?, ?>) other).leftSerializer.equals(leftSerializer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(versionSerializer, leftSerializer);
    }

    @Override
    public TypeSerializerSnapshot<AsOfKeyState<K, L, V>> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /** Flink makes it again by its class name, so it must stay public, static and where it is. */
    public static final class Snapshot<K, L, V>
            extends CompositeTypeSerializerSnapshot<AsOfKeyState<K, L, V>, AsOfKeyStateSerializer<K, L, V>> {

        private static final int VERSION = 1;

        public Snapshot() {}

        Snapshot(AsOfKeyStateSerializer<K, L, V> serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return VERSION;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(AsOfKeyStateSerializer<K, L, V> outer) {
            return new TypeSerializer<?>[] {outer.versionSerializer, outer.leftSerializer};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected AsOfKeyStateSerializer<K, L, V> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
            return new AsOfKeyStateSerializer<>((TypeSerializer<RowVersion<K, V>>) nested[0], (TypeSerializer<L>) nested[1]);
        }
    }
}
