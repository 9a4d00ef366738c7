package dev.streamlake.core.join;

import dev.streamlake.serde.state.OpaqueTypeInfo;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.util.Objects;

/** The type of the join's {@link AsOfKeyState}, so that Flink uses {@link AsOfKeyStateSerializer} rather than Kryo. */
final class AsOfKeyStateTypeInfo<L> extends OpaqueTypeInfo<AsOfKeyState<L>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<L> leftType;

    AsOfKeyStateTypeInfo(TypeInformation<L> leftType) {
        this.leftType = Objects.requireNonNull(leftType, "leftType");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<AsOfKeyState<L>> getTypeClass() {
        return (Class<AsOfKeyState<L>>) (Class<?>) AsOfKeyState.class;
    }

    @Override
    public TypeSerializer<AsOfKeyState<L>> createSerializer(SerializerConfig config) {
        return new AsOfKeyStateSerializer<>(leftType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "AsOfKeyState<" + leftType + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AsOfKeyStateTypeInfo && ((AsOfKeyStateTypeInfo<?>) other).leftType.equals(leftType);
    }

    @Override
    public int hashCode() {
        return leftType.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof AsOfKeyStateTypeInfo;
    }
}
