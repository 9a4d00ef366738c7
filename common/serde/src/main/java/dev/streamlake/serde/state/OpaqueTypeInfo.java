package dev.streamlake.serde.state;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type information of a type Flink sees as one value, neither a key nor a tuple, that a
 * serializer of the project's carries: what every such type information says alike, so that each
 * says only which serializer it makes.
 */
public abstract class OpaqueTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public final boolean isBasicType() {
        return false;
    }

    @Override
    public final boolean isTupleType() {
        return false;
    }

    @Override
    public final int getArity() {
        return 1;
    }

    @Override
    public final int getTotalFields() {
        return 1;
    }

    @Override
    public final boolean isKeyType() {
        return false;
    }

    @Override
    public abstract TypeSerializer<T> createSerializer(SerializerConfig config);

    /** Still abstract in Flink 1.20, though deprecated in favour of the method above. */
    @Override
    @Deprecated
    public final TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return createSerializer(config == null ? null : config.getSerializerConfig());
    }
}
