package dev.streamlake.core.join;

import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.Objects;

/**
 * Writes a {@link RowVersion} as its key, its valid-from time, whether the row is there, and the
 * row, with the key's and the row's own serializers. Its snapshot is a composite one, so the
 * versions in the join's state migrate when the row's schema evolves (Avro's serializer decides).
 */
public final class RowVersionSerializer<K, V> extends TypeSerializer<RowVersion<K, V>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<V> rowSerializer;

    public RowVersionSerializer(TypeSerializer<K> keySerializer, TypeSerializer<V> rowSerializer) {
        this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
        this.rowSerializer = Objects.requireNonNull(rowSerializer, "rowSerializer");
    }

    /** A version and its row never change (see {@link RowVersion}). */
    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<RowVersion<K, V>> duplicate() {
        TypeSerializer<K> key = keySerializer.duplicate();
        TypeSerializer<V> row = rowSerializer.duplicate();
        return key == keySerializer && row == rowSerializer ? this : new RowVersionSerializer<>(key, row);
    }

    /** A deletion of an empty key at the beginning of time: a version cannot be made without a key. */
    @Override
    public RowVersion<K, V> createInstance() {
        return RowVersion.deleted(keySerializer.createInstance(), Long.MIN_VALUE);
    }

    /**
     * The version itself: it never changes. The heap backend copies the join's list of versions
     * when it is read while a snapshot still writes it, which at 10^6 keys is most of the time; a
     * copy of every row with it would copy the key's rows on each such read.
     */
    @Override
    public RowVersion<K, V> copy(RowVersion<K, V> from) {
        return from;
    }

    @Override
    public RowVersion<K, V> copy(RowVersion<K, V> from, RowVersion<K, V> reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(RowVersion<K, V> version, DataOutputView target) throws IOException {
        keySerializer.serialize(version.key(), target);
        target.writeLong(version.validFrom());
        target.writeBoolean(!version.isDeleted());
        if (!version.isDeleted()) {
            rowSerializer.serialize(version.row(), target);
        }
    }

    @Override
    public RowVersion<K, V> deserialize(DataInputView source) throws IOException {
        K key = keySerializer.deserialize(source);
        long validFrom = source.readLong();
        return source.readBoolean()
                ? RowVersion.of(key, validFrom, rowSerializer.deserialize(source))
                : RowVersion.deleted(key, validFrom);
    }

    @Override
    public RowVersion<K, V> deserialize(RowVersion<K, V> reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        keySerializer.copy(source, target);
        target.writeLong(source.readLong());
        boolean present = source.readBoolean();
        target.writeBoolean(present);
        if (present) {
            rowSerializer.copy(source, target);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowVersionSerializer
                && ((RowVersionSerializer<?, ?>) other).keySerializer.equals(keySerializer)
                && ((RowVersionSerializer<?, ?>) other).rowSerializer.equals(rowSerializer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keySerializer, rowSerializer);
    }

    @Override
    public TypeSerializerSnapshot<RowVersion<K, V>> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /** Flink makes it again by its class name, so it must stay public, static and where it is. */
    public static final class Snapshot<K, V>
            extends CompositeTypeSerializerSnapshot<RowVersion<K, V>, RowVersionSerializer<K, V>> {

        private static final int VERSION = 1;

        public Snapshot() {}

        Snapshot(RowVersionSerializer<K, V> serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return VERSION;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(RowVersionSerializer<K, V> outer) {
            return new TypeSerializer<?>[] {outer.keySerializer, outer.rowSerializer};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected RowVersionSerializer<K, V> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
            return new RowVersionSerializer<>((TypeSerializer<K>) nested[0], (TypeSerializer<V>) nested[1]);
        }
    }
}
