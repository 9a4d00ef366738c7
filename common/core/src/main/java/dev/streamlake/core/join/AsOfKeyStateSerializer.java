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
 * time and the record with the left records' serializer) and its two timers. Its snapshot is a
 * composite one, so the state migrates when the left records' schema evolves (Avro's serializer
 * decides).
 */
public final class AsOfKeyStateSerializer<L> extends TypeSerializer<AsOfKeyState<L>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<L> leftSerializer;

    public AsOfKeyStateSerializer(TypeSerializer<L> leftSerializer) {
        this.leftSerializer = Objects.requireNonNull(leftSerializer, "leftSerializer");
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<AsOfKeyState<L>> duplicate() {
        TypeSerializer<L> left = leftSerializer.duplicate();
        return left == leftSerializer ? this : new AsOfKeyStateSerializer<>(left);
    }

    @Override
    public AsOfKeyState<L> createInstance() {
        return new AsOfKeyState<>();
    }

    /**
     * A copy with a list of its own that shares the records. The heap backend copies a key's
     * value this way when the key is read while a snapshot still writes the original, so that
     * what the join then changes does not reach the snapshot; the join changes the list and the
     * timers, never a waiting record.
     */
    @Override
    public AsOfKeyState<L> copy(AsOfKeyState<L> from) {
        List<AsOfKeyState.Waiting<L>> waiting = new ArrayList<>(from.waiting.size() + 1);
        waiting.addAll(from.waiting);
        AsOfKeyState<L> copy = new AsOfKeyState<>(waiting);
        copy.expiryTimer = from.expiryTimer;
        copy.waitTimer = from.waitTimer;
        return copy;
    }

    @Override
    public AsOfKeyState<L> copy(AsOfKeyState<L> from, AsOfKeyState<L> reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(AsOfKeyState<L> state, DataOutputView target) throws IOException {
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
    public AsOfKeyState<L> deserialize(DataInputView source) throws IOException {
        int count = source.readInt();
        List<AsOfKeyState.Waiting<L>> waiting = new ArrayList<>(count + 1);
        for (int i = 0; i < count; i++) {
            long time = source.readLong();
            long arrivedAt = source.readLong();
            waiting.add(new AsOfKeyState.Waiting<>(time, arrivedAt, leftSerializer.deserialize(source)));
        }
        AsOfKeyState<L> state = new AsOfKeyState<>(waiting);
        state.expiryTimer = source.readLong();
        state.waitTimer = source.readLong();
        return state;
    }

    @Override
    public AsOfKeyState<L> deserialize(AsOfKeyState<L> reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int count = source.readInt();
        target.writeInt(count);
        for (int i = 0; i < count; i++) {
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
                && ((AsOfKeyStateSerializer<?>) other).leftSerializer.equals(leftSerializer);
    }

    @Override
    public int hashCode() {
        return leftSerializer.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<AsOfKeyState<L>> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /** Flink makes it again by its class name, so it must stay public, static and where it is. */
    public static final class Snapshot<L> extends CompositeTypeSerializerSnapshot<AsOfKeyState<L>, AsOfKeyStateSerializer<L>> {

        private static final int VERSION = 1;

        public Snapshot() {}

        Snapshot(AsOfKeyStateSerializer<L> serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return VERSION;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(AsOfKeyStateSerializer<L> outer) {
            return new TypeSerializer<?>[] {outer.leftSerializer};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected AsOfKeyStateSerializer<L> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
            return new AsOfKeyStateSerializer<>((TypeSerializer<L>) nested[0]);
        }
    }
}
