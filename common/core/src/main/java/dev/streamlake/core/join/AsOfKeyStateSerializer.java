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
 * Writes an {@link AsOfKeyState}: its waiting records (count, then each as event time, arrival
 * time and the record with the left records' serializer), its versions (count, then each with the
 * versions' serializer), its expiry and its wait-bound timer. Its snapshot is a composite one, so
 * the state migrates when the records' or the rows' schema evolves (Avro's serializer decides).
 */
public final class AsOfKeyStateSerializer<K, L, V> extends TypeSerializer<AsOfKeyState<K, L, V>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<L> leftSerializer;
    private final TypeSerializer<RowVersion<K, V>> versionSerializer;

    public AsOfKeyStateSerializer(TypeSerializer<L> leftSerializer, TypeSerializer<RowVersion<K, V>> versionSerializer) {
        this.leftSerializer = Objects.requireNonNull(leftSerializer, "leftSerializer");
        this.versionSerializer = Objects.requireNonNull(versionSerializer, "versionSerializer");
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<AsOfKeyState<K, L, V>> duplicate() {
        TypeSerializer<L> left = leftSerializer.duplicate();
        TypeSerializer<RowVersion<K, V>> version = versionSerializer.duplicate();
        return left == leftSerializer && version == versionSerializer ? this : new AsOfKeyStateSerializer<>(left, version);
    }

    @Override
    public AsOfKeyState<K, L, V> createInstance() {
        return new AsOfKeyState<>();
    }

    /**
     * A copy with lists of its own that share the versions and the records. The heap backend
     * copies a key's value this way when the key is read while a snapshot still writes the
     * original, so that what the join then changes does not reach the snapshot; the join changes
     * the lists and the times, never a version or a waiting record.
     */
    @Override
    public AsOfKeyState<K, L, V> copy(AsOfKeyState<K, L, V> from) {
        List<RowVersion<K, V>> versions = new ArrayList<>(from.versions.size() + 1);
        versions.addAll(from.versions);
        List<AsOfKeyState.Waiting<L>> waiting = new ArrayList<>(from.waiting.size() + 1);
        waiting.addAll(from.waiting);
        AsOfKeyState<K, L, V> copy = new AsOfKeyState<>(versions, waiting);
        copy.expiry = from.expiry;
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
        target.writeInt(state.waiting.size());
        for (AsOfKeyState.Waiting<L> record : state.waiting) {
            target.writeLong(record.time);
            target.writeLong(record.arrivedAt);
            leftSerializer.serialize(record.record, target);
        }
        target.writeInt(state.versions.size());
        for (RowVersion<K, V> version : state.versions) {
            versionSerializer.serialize(version, target);
        }
        target.writeLong(state.expiry);
        target.writeLong(state.waitTimer);
    }

    @Override
    public AsOfKeyState<K, L, V> deserialize(DataInputView source) throws IOException {
        int waitingCount = source.readInt();
        List<AsOfKeyState.Waiting<L>> waiting = new ArrayList<>(waitingCount + 1);
        for (int i = 0; i < waitingCount; i++) {
            long time = source.readLong();
            long arrivedAt = source.readLong();
            waiting.add(new AsOfKeyState.Waiting<>(time, arrivedAt, leftSerializer.deserialize(source)));
        }
        int versionCount = source.readInt();
        List<RowVersion<K, V>> versions = new ArrayList<>(versionCount + 1);
        for (int i = 0; i < versionCount; i++) {
            versions.add(versionSerializer.deserialize(source));
        }
        AsOfKeyState<K, L, V> state = new AsOfKeyState<>(versions, waiting);
        state.expiry = source.readLong();
        state.waitTimer = source.readLong();
        return state;
    }

    @Override
    public AsOfKeyState<K, L, V> deserialize(AsOfKeyState<K, L, V> reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int waitingCount = source.readInt();
        target.writeInt(waitingCount);
        for (int i = 0; i < waitingCount; i++) {
            target.writeLong(source.readLong());
            target.writeLong(source.readLong());
            leftSerializer.copy(source, target);
        }
        int versionCount = source.readInt();
        target.writeInt(versionCount);
        for (int i = 0; i < versionCount; i++) {
            versionSerializer.copy(source, target);
        }
        target.writeLong(source.readLong());
        target.writeLong(source.readLong());
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AsOfKeyStateSerializer)) {
            return false;
        }
        AsOfKeyStateSerializer<?, ?, ?> that = (AsOfKeyStateSerializer<?, ?, ?>) other;
        return that.leftSerializer.equals(leftSerializer) && that.versionSerializer.equals(versionSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * leftSerializer.hashCode() + versionSerializer.hashCode();
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
            return new TypeSerializer<?>[] {outer.leftSerializer, outer.versionSerializer};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected AsOfKeyStateSerializer<K, L, V> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
            return new AsOfKeyStateSerializer<>(
                    (TypeSerializer<L>) nested[0], (TypeSerializer<RowVersion<K, V>>) nested[1]);
        }
    }
}
