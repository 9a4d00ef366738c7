package dev.streamlake.core.join;

import dev.streamlake.serde.state.OpaqueTypeInfo;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.util.Objects;

/** The type of the join's {@link AsOfKeyState}, so that Flink uses {@link AsOfKeyStateSerializer} rather than Kryo. */
final class AsOfKeyStateTypeInfo<K, L, V> extends OpaqueTypeInfo<AsOfKeyState<K, L, V>> {

    private static final long serialVersionUID = 1L;

    private final RowVersionTypeInfo<K, V> versionType;
    private final TypeInformation<L> leftType;

    AsOfKeyStateTypeInfo(RowVersionTypeInfo<K, V> versionType, TypeInformation<L> leftType) {
        this.versionType = Objects.requireNonNull(versionType, "versionType");
        this.leftType = Objects.requireNonNull(leftType, "leftType");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<AsOfKeyState<K, L, V>> getTypeClass() {
        return (Class<AsOfKeyState<K, L, V>>) (Class<?>) AsOfKeyState.class;
    }

    @Override
    public TypeSerializer<AsOfKeyState<K, L, V>> createSerializer(SerializerConfig config) {
        return new AsOfKeyStateSerializer<>(versionType.createSerializer(config), leftType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "AsOfKeyState<" + versionType + ", " + leftType + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AsOfKeyStateTypeInfo
                && ((AsOfKeyStateTypeInfo<?, ?, ?>) other).versionType.equals(versionType)
                && ((AsOfKeyStateTypeInfo<?, ?, ?>) other).leftType.equals(leftType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(versionType, leftType);
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof AsOfKeyStateTypeInfo;
    }
}
