package dev.streamlake.serde.state;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.util.Objects;

/**
 * The type information of an event type whose streams and state a hand-written serializer
 * carries (a {@link FieldByFieldSerializer}), for a job's hot types: give it to the input
 * ({@code Input.typeInfo}) and every shuffle and state of the type uses that serializer.
 */
public class SerializerTypeInfo<T> extends OpaqueTypeInfo<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final TypeSerializer<T> serializer;

    public SerializerTypeInfo(Class<T> type, TypeSerializer<T> serializer) {
        this.type = Objects.requireNonNull(type, "type");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return type.getSimpleName();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SerializerTypeInfo
                && ((SerializerTypeInfo<?>) other).type.equals(type)
                && ((SerializerTypeInfo<?>) other).serializer.equals(serializer);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + serializer.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof SerializerTypeInfo;
    }
}
