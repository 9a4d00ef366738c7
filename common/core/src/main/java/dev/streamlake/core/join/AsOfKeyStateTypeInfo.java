package dev.streamlake.core.join;

import dev.streamlake.serde.state.OpaqueTypeInfo;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.util.Objects;

/** The type of the join's {@link AsOfKeyState}, so that Flink uses {@link AsOfKeyStateSerializer} rather than Kryo. */
final class AsOfKeyStateTypeInfo<K, L, V> extends OpaqueTypeInfo<AsOfKeyState<K, L, V>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<L> leftType;
    private final RowVersionTypeInfo<K, V> versionType;

    AsOfKeyStateTypeInfo(TypeInformation<L> leftType, RowVersionTypeInfo<K, V> versionType) {
        this.leftType = Objects.requireNonNull(leftType, "leftType");
        this.versionType = Objects.requireNonNull(versionType, "versionType");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<AsOfKeyState<K, L, V>> getTypeClass() {
        return (Class<AsOfKeyState<K, L, V>>) (Class<?>) AsOfKeyState.class;
    }

    @Override
    public TypeSerializer<AsOfKeyState<K, L, V>> createSerializer(SerializerConfig config) {
        return new AsOfKeyStateSerializer<>(leftType.createSerializer(config), versionType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "AsOfKeyState<" + leftType + ", " + versionType + ">";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AsOfKeyStateTypeInfo)) {
            return false;
        }
        AsOfKeyStateTypeInfo<?, ?, ?> that = (AsOfKeyStateTypeInfo<?, ?, ?>) other;
        return that.leftType.equals(leftType) && that.versionType.equals(versionType);
    }

    @Override
    public int hashCode() {
        return 31 * leftType.hashCode() + versionType.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof AsOfKeyStateTypeInfo;
    }
}
