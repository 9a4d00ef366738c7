package dev.streamlake.core.join;

import dev.streamlake.serde.state.OpaqueTypeInfo;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.util.Objects;

/**
 * The type of {@link RowVersion}s: without it Flink would see a generic class and fall back to
 * Kryo, in the shuffle and in the join's state. The key's and the row's serializers come from the
 * type information the job gives (Avro's for its records), so the versions evolve with them.
 */
public final class RowVersionTypeInfo<K, V> extends OpaqueTypeInfo<RowVersion<K, V>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<K> keyType;
    private final TypeInformation<V> rowType;

    RowVersionTypeInfo(TypeInformation<K> keyType, TypeInformation<V> rowType) {
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        this.rowType = Objects.requireNonNull(rowType, "rowType");
    }

    public TypeInformation<K> keyType() {
        return keyType;
    }

    public TypeInformation<V> rowType() {
        return rowType;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<RowVersion<K, V>> getTypeClass() {
        return (Class<RowVersion<K, V>>) (Class<?>) RowVersion.class;
    }

    @Override
    public TypeSerializer<RowVersion<K, V>> createSerializer(SerializerConfig config) {
        return new RowVersionSerializer<>(keyType.createSerializer(config), rowType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "RowVersion<" + keyType + ", " + rowType + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowVersionTypeInfo
                && ((RowVersionTypeInfo<?, ?>) other).keyType.equals(keyType)
                && ((RowVersionTypeInfo<?, ?>) other).rowType.equals(rowType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyType, rowType);
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof RowVersionTypeInfo;
    }
}
